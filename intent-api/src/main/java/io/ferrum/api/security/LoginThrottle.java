package io.ferrum.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers failed sign-ins per account and per client address and answers how long a key must still wait: after
 * {@code maxFailures} failures within the window, the wait starts at {@code backoff} and doubles with each further
 * failure, up to {@code maxBackoff}. A successful sign-in of an account clears its record. Kept per node, in memory:
 * an attacker spreading guesses over nodes still meets each node's limit.
 */
@Component
class LoginThrottle {

    private final LoginThrottleProperties properties;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginThrottleProperties properties) {
        this.properties = properties;
    }

    /** How long this account or address must still wait before trying, if at all. */
    Optional<Duration> wait(String username, String address, Instant now) {
        Optional<Duration> account = username == null ? Optional.empty()
                : waitFor("user:" + username, properties.maxFailures(), now);
        Optional<Duration> client = waitFor("addr:" + address, properties.maxAddressFailures(), now);
        if (account.isPresent() && client.isPresent()) {
            return Optional.of(account.get().compareTo(client.get()) >= 0 ? account.get() : client.get());
        }
        return account.isPresent() ? account : client;
    }

    void failed(String username, String address, Instant now) {
        if (username != null) {
            record("user:" + username, now);
        }
        record("addr:" + address, now);
    }

    void succeeded(String username) {
        if (username != null) {
            failures.remove("user:" + username);
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            prune(times, now);
        }
    }

    private Optional<Duration> waitFor(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            int over = times.size() - limit;
            if (over < 0) {
                return Optional.empty();
            }
            long factor = 1L << Math.min(over, 20);
            Duration backoff = properties.backoff().multipliedBy(factor);
            if (backoff.compareTo(properties.maxBackoff()) > 0) {
                backoff = properties.maxBackoff();
            }
            Duration left = Duration.between(now, times.peekLast().plus(backoff));
            return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant oldest = now.minus(properties.window());
        while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
            times.removeFirst();
        }
    }
}
