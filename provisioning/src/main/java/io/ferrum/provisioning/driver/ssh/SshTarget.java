package io.ferrum.provisioning.driver.ssh;

import java.util.Objects;

/**
 * One device's SSH endpoint.
 *
 * @param device the inventory name, used in errors and as the session-cache key
 */
public record SshTarget(String device, String host, int port, SshCredentials credentials) {

    public SshTarget {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public SshTarget withPort(int newPort) {
        return new SshTarget(device, host, newPort, credentials);
    }
}
