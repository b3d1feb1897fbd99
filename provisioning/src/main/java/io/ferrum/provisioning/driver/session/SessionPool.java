package io.ferrum.provisioning.driver.session;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Caches open sessions per device, bounded per device and in total. Opening a session happens outside every lock,
 * and waits are per device, so one slow or dead device only ever holds up callers of that same device.
 *
 * @param <K> device key
 * @param <S> session type
 */
public final class SessionPool<K, S extends Closeable> implements Closeable {

    private final Function<K, S> opener;
    private final Predicate<S> healthy;
    private final PoolLimits limits;
    private final Semaphore openSlots;
    private final Map<K, DeviceSlot<S>> devices = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param opener  opens a new session for a device; must enforce its own connect timeout
     * @param healthy cheap liveness check for a cached session before it is handed out again
     */
    public SessionPool(Function<K, S> opener, Predicate<S> healthy, PoolLimits limits) {
        this.opener = Objects.requireNonNull(opener);
        this.healthy = Objects.requireNonNull(healthy);
        this.limits = Objects.requireNonNull(limits);
        this.openSlots = new Semaphore(limits.maxTotal(), true);
    }

    /** A session for exclusive use until the lease is closed. */
    public Lease<S> acquire(K device) {
        if (closed) {
            throw new DriverException(FailureReason.CLOSED, String.valueOf(device), "session pool is closed");
        }
        long deadline = System.nanoTime() + limits.acquireTimeout().toNanos();
        DeviceSlot<S> slot = devices.computeIfAbsent(device, d -> new DeviceSlot<>(limits.maxPerDevice()));
        if (!tryAcquire(slot.leases, deadline)) {
            throw new DriverException(FailureReason.BUSY, String.valueOf(device), "all " + limits.maxPerDevice()
                    + " sessions to this device stayed in use for " + limits.acquireTimeout());
        }
        try {
            S cached = takeIdle(slot);
            if (cached != null) {
                return new Lease<>(this, slot, cached);
            }
            if (!openSlots.tryAcquire()) {
                evictOneIdle();
                if (!tryAcquire(openSlots, deadline)) {
                    throw new DriverException(FailureReason.BUSY, String.valueOf(device), "all " + limits.maxTotal()
                            + " pooled sessions stayed in use for " + limits.acquireTimeout());
                }
            }
            try {
                return new Lease<>(this, slot, opener.apply(device));
            } catch (RuntimeException e) {
                openSlots.release();
                throw e;
            }
        } catch (RuntimeException e) {
            slot.leases.release();
            throw e;
        }
    }

    /** Sessions currently open, leased or idle. */
    public int openSessions() {
        return limits.maxTotal() - openSlots.availablePermits();
    }

    @Override
    public void close() {
        closed = true;
        devices.values().forEach(slot -> {
            S s;
            while ((s = slot.pollIdle()) != null) {
                discard(s);
            }
        });
    }

    void giveBack(DeviceSlot<S> slot, S session, boolean reusable) {
        try {
            if (reusable && !closed) {
                slot.pushIdle(session);
            } else {
                discard(session);
            }
        } finally {
            slot.leases.release();
        }
    }

    private S takeIdle(DeviceSlot<S> slot) {
        DeviceSlot.Idle<S> idle;
        while ((idle = slot.pollIdleEntry()) != null) {
            boolean fresh = System.nanoTime() - idle.sinceNanos() < limits.idleTimeout().toNanos();
            if (fresh && healthy.test(idle.session())) {
                return idle.session();
            }
            discard(idle.session());
        }
        return null;
    }

    private void evictOneIdle() {
        for (DeviceSlot<S> slot : devices.values()) {
            S s = slot.pollIdle();
            if (s != null) {
                discard(s);
                return;
            }
        }
    }

    private void discard(S session) {
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // The session is being thrown away; its close failure changes nothing.
        } finally {
            openSlots.release();
        }
    }

    private static boolean tryAcquire(Semaphore semaphore, long deadlineNanos) {
        try {
            return semaphore.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static final class DeviceSlot<S> {
        record Idle<S>(S session, long sinceNanos) {
        }

        final Semaphore leases;
        private final Deque<Idle<S>> idle = new ArrayDeque<>();

        DeviceSlot(int maxLeases) {
            this.leases = new Semaphore(maxLeases, true);
        }

        synchronized void pushIdle(S session) {
            idle.push(new Idle<>(session, System.nanoTime()));
        }

        synchronized Idle<S> pollIdleEntry() {
            return idle.poll();
        }

        synchronized S pollIdle() {
            Idle<S> i = idle.pollLast();
            return i == null ? null : i.session();
        }
    }

    /** Exclusive use of one session; close it to return the session, or {@link #invalidate()} first to discard it. */
    public static final class Lease<S extends Closeable> implements Closeable {
        private final SessionPool<?, S> pool;
        private final DeviceSlot<S> slot;
        private final S session;
        private boolean reusable = true;
        private boolean returned;

        private Lease(SessionPool<?, S> pool, DeviceSlot<S> slot, S session) {
            this.pool = pool;
            this.slot = slot;
            this.session = session;
        }

        public S session() {
            return session;
        }

        /** Marks the session broken (timed out, protocol error) so it is closed rather than cached. */
        public void invalidate() {
            reusable = false;
        }

        @Override
        public void close() {
            if (!returned) {
                returned = true;
                pool.giveBack(slot, session, reusable);
            }
        }
    }
}
