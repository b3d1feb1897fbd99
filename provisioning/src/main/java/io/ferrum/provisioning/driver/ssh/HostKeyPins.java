package io.ferrum.provisioning.driver.ssh;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/**
 * Trust-on-first-use store of device host keys: the first key a device shows is pinned, later connections must show
 * the same key. An interface so pins can live where every node sees them (the pipelines run on any node); this
 * module offers a file and an in-memory store ({@link FileHostKeyPins}).
 *
 * <p>{@link #pinIfAbsent} must be atomic across every user of the store: two nodes meeting a new device at once must
 * end up with one pin.
 */
public interface HostKeyPins {

    /** The pin for an endpoint, if any. */
    Optional<Pin> pinned(String host, int port);

    /** Pins {@code candidate} if nothing is pinned for its endpoint yet; returns the pin in force afterwards. */
    Pin pinIfAbsent(Pin candidate);

    /** Forgets a pin, for the operator who has confirmed a device was legitimately re-keyed. */
    void forget(String host, int port);

    /** Pins kept in memory only: lost on restart. */
    static HostKeyPins inMemory() {
        return FileHostKeyPins.inMemory();
    }

    /** Pins in a file ({@code [host]:port type base64} per line), so they survive restarts on one node. */
    static HostKeyPins file(Path file) {
        return FileHostKeyPins.load(file);
    }

    static String endpoint(String host, int port) {
        return "[" + host + "]:" + port;
    }

    /** A pinned key in OpenSSH public-key notation. */
    record Pin(String endpoint, String keyType, String base64) {

        /** The pin {@code key} would become for the endpoint. */
        public static Pin of(String host, int port, PublicKey key) {
            return new Pin(HostKeyPins.endpoint(host, port), KeyType.fromKey(key).toString(),
                    Base64.getEncoder().encodeToString(blob(key)));
        }

        public boolean matches(PublicKey key) {
            return base64.equals(Base64.getEncoder().encodeToString(blob(key)));
        }

        public String fingerprint() {
            return sha256Fingerprint(Base64.getDecoder().decode(base64));
        }

        static String fingerprint(PublicKey key) {
            return sha256Fingerprint(blob(key));
        }

        private static byte[] blob(PublicKey key) {
            return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        }

        private static String sha256Fingerprint(byte[] blob) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
                return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
