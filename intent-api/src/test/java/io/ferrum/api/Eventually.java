package io.ferrum.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded waiting for something that happens asynchronously (a poll, a delivery, a kill), naming what was waited for. */
final class Eventually {

    private Eventually() {
    }

    /** Reads until {@code done} holds for what {@code read} gives, and returns that; fails after {@code patience}. */
    static <T> T await(Duration patience, String what, Supplier<T> read, Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        T value = read.get();
        while (!done.test(value)) {
            assertThat(System.nanoTime()).as("waited %s for %s; last seen: %s", patience, what, value)
                    .isLessThan(deadline);
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }
}
