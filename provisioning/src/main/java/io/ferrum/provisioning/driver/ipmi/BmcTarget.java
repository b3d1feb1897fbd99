package io.ferrum.provisioning.driver.ipmi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One server's BMC, reached over IPMI v2 (RMCP+, ipmitool's {@code lanplus}).
 *
 * @param device      the inventory name, used in errors
 * @param cipherSuite the RMCP+ cipher suite ({@code -C}); empty lets ipmitool ask the BMC for the best one it offers
 */
public record BmcTarget(String device, String host, int port, String user, String password, OptionalInt cipherSuite) {

    public static final int DEFAULT_PORT = 623;

    /** IPMI v2 keys are 20 bytes; ipmitool silently cuts a longer password, which then fails as a wrong one. */
    static final int MAX_PASSWORD_BYTES = 20;

    public BmcTarget {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        if (host.isBlank() || host.startsWith("-")) {
            throw new IllegalArgumentException("not a host: '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("IPMI passwords are at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        if (cipherSuite.isPresent() && (cipherSuite.getAsInt() < 0 || cipherSuite.getAsInt() > 255)) {
            throw new IllegalArgumentException("cipher suite IDs are one byte: " + cipherSuite.getAsInt());
        }
    }

    public BmcTarget(String device, String host, int port, String user, String password) {
        this(device, host, port, user, password, OptionalInt.empty());
    }

    /** The same BMC with a fixed cipher suite, for BMCs that do not list theirs (3 is AES-128 with SHA-1). */
    public BmcTarget withCipherSuite(int suite) {
        return new BmcTarget(device, host, port, user, password, OptionalInt.of(suite));
    }

    @Override
    public String toString() {
        return "BmcTarget[device=" + device + ", host=" + host + ", port=" + port + ", user=" + user
                + (cipherSuite.isPresent() ? ", cipherSuite=" + cipherSuite.getAsInt() : "") + "]";
    }
}
