package io.ferrum.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed sign-ins slow down the next attempt.
 *
 * @param maxFailures       failures of one account within {@code window} before it must wait
 * @param maxAddressFailures failures from one client address within {@code window} before it must wait (higher:
 *                          many people may share an address)
 * @param window            how long a failure counts
 * @param backoff           the first wait; each further failure doubles it, up to {@code maxBackoff}
 */
@ConfigurationProperties("ferrum.security.login-throttle")
public record LoginThrottleProperties(Integer maxFailures, Integer maxAddressFailures, Duration window,
                                      Duration backoff, Duration maxBackoff) {

    public LoginThrottleProperties {
        maxFailures = maxFailures == null ? 10 : maxFailures;
        maxAddressFailures = maxAddressFailures == null ? 100 : maxAddressFailures;
        window = window == null ? Duration.ofMinutes(5) : window;
        backoff = backoff == null ? Duration.ofSeconds(30) : backoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(15) : maxBackoff;
    }
}
