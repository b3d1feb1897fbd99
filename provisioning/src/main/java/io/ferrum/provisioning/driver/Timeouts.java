package io.ferrum.provisioning.driver;

import java.time.Duration;
import java.util.Objects;

/**
 * Every deadline a driver uses, in one place.
 *
 * @param connect TCP connect plus protocol handshake (SSH kex and auth, NETCONF hello)
 * @param read    longest silence tolerated while waiting for one reply (socket read, SNMP request, NETCONF rpc-reply)
 * @param command wall-clock limit for one remote command or file transfer
 */
public record Timeouts(Duration connect, Duration read, Duration command) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2));

    public Timeouts {
        requirePositive(connect, "connect");
        requirePositive(read, "read");
        requirePositive(command, "command");
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " timeout must be positive: " + d);
        }
    }

    public int connectMillis() {
        return Math.toIntExact(connect.toMillis());
    }

    public int readMillis() {
        return Math.toIntExact(read.toMillis());
    }
}
