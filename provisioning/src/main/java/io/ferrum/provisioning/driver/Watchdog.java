package io.ferrum.provisioning.driver;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Enforces a wall-clock deadline on a blocking read that has no timeout of its own (sshj channel streams block
 * until data or EOF): when the deadline passes, the given action closes the resource so the reader wakes up.
 */
public final class Watchdog implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ferrum-driver-watchdog");
        t.setDaemon(true);
        return t;
    });

    /*
     * Expiry actions run here, not on the timer thread: closing an sshj channel waits for the peer's CLOSE (up to the
     * read timeout), and a hung device must not delay every other device's deadline behind it.
     */
    private static final ExecutorService CLOSERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ferrum-driver-watchdog-close");
        t.setDaemon(true);
        return t;
    });

    private final AtomicBoolean fired = new AtomicBoolean();
    private final ScheduledFuture<?> task;

    private Watchdog(Duration deadline, Runnable onExpiry) {
        this.task = TIMER.schedule(() -> {
            fired.set(true);
            CLOSERS.execute(onExpiry);
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    public static Watchdog arm(Duration deadline, Runnable onExpiry) {
        return new Watchdog(deadline, onExpiry);
    }

    public boolean fired() {
        return fired.get();
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
