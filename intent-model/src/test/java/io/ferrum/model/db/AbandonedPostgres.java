package io.ferrum.model.db;

import java.nio.file.Path;

/**
 * A Ferrum stand-in for the crash test: starts the embedded PostgreSQL under the home given as argument, says
 * {@code ready}, and waits to be killed with -9, which leaves that PostgreSQL behind.
 */
public final class AbandonedPostgres {

    private AbandonedPostgres() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer.start(Path.of(args[0]), false);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
