package io.ferrum.model;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the intent model alone, on an ephemeral embedded PostgreSQL, for the model's own tests. */
@SpringBootApplication
public class ModelTestApplication {
}
