package io.ferrum.provisioning.bench;

import io.ferrum.provisioning.pipeline.ConfigChannel;
import io.ferrum.provisioning.pipeline.DeviceTarget;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A config channel that adds up where device time goes: login, check (the first read of the running config),
 * stage, apply, verify (the read after apply) and logout, summed over all devices.
 */
final class TimedChannel implements ConfigChannel {

    enum Phase { LOGIN, CHECK, STAGE, APPLY, VERIFY, LOGOUT }

    private final ConfigChannel inner;
    private final LongAdder[] nanos = new LongAdder[Phase.values().length];
    private final LongAdder[] calls = new LongAdder[Phase.values().length];

    TimedChannel(ConfigChannel inner) {
        this.inner = inner;
        reset();
    }

    void reset() {
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = new LongAdder();
            calls[i] = new LongAdder();
        }
    }

    long millis(Phase phase) {
        return nanos[phase.ordinal()].sum() / 1_000_000;
    }

    long calls(Phase phase) {
        return calls[phase.ordinal()].sum();
    }

    @Override
    public String target() {
        return inner.target();
    }

    @Override
    public String comparable(String config) {
        return inner.comparable(config);
    }

    @Override
    public Connection connect(DeviceTarget device) {
        Connection connection = timed(Phase.LOGIN, () -> inner.connect(device));
        return new Connection() {
            private int reads;

            @Override
            public String running() {
                return timed(reads++ == 0 ? Phase.CHECK : Phase.VERIFY, connection::running);
            }

            @Override
            public void stage(String fileName, String config) {
                timed(Phase.STAGE, () -> {
                    connection.stage(fileName, config);
                    return null;
                });
            }

            @Override
            public void apply(String fileName, String config) {
                timed(Phase.APPLY, () -> {
                    connection.apply(fileName, config);
                    return null;
                });
            }

            @Override
            public void close() {
                timed(Phase.LOGOUT, () -> {
                    connection.close();
                    return null;
                });
            }
        };
    }

    private <T> T timed(Phase phase, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos[phase.ordinal()].add(System.nanoTime() - started);
            calls[phase.ordinal()].increment();
        }
    }
}
