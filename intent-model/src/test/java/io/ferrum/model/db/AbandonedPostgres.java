package io.ferrum.model.db;

import java.nio.file.Path;

/**
 * A Ferrum stand-in for the crash tests: starts the embedded PostgreSQL under the home given as argument (or an
 * ephemeral one, with a second argument {@code ephemeral}), prints its data directory, says
 * {@code ready}, and waits to be killed with -9, which leaves that PostgreSQL behind.
 */
public final class AbandonedPostgres {

    private AbandonedPostgres() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean ephemeral = args.length > 1 && args[1].equals("ephemeral");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), ephemeral);
        System.out.println("data " + server.dataDirectory());
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
