package io.ferrum;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the intent model and assurance (no web) on an ephemeral PostgreSQL for assurance's tests. */
@SpringBootApplication
public class AssuranceTestApplication {
}
