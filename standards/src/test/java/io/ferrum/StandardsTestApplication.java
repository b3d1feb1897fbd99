package io.ferrum;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the intent model and the standards (no web) on an ephemeral PostgreSQL for the planner's tests. */
@SpringBootApplication
public class StandardsTestApplication {
}
