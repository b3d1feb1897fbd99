package io.ferrum;

import io.ferrum.api.cli.FerrumCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Ferrum: the intent model, its REST API, the CLI and the web console in one application. */
@SpringBootApplication
public class FerrumApplication {

    public static void main(String[] args) {
        System.exit(FerrumCommand.run(args));
    }
}
