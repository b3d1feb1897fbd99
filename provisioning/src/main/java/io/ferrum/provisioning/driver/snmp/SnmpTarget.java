package io.ferrum.provisioning.driver.snmp;

import java.util.Objects;

public record SnmpTarget(String device, String host, int port, SnmpCredentials credentials) {

    public static final int DEFAULT_PORT = 161;

    public SnmpTarget {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
