package io.ferrum.provisioning.driver.ssh;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Trust-on-first-use store of device host keys: the first key a device shows is pinned, later connections must
 * show the same key. Backed by a file ({@code [host]:port type base64} per line) so pins survive restarts, or kept
 * in memory only.
 */
public final class HostKeyPins {

    /** A pinned key in OpenSSH public-key notation. */
    public record Pin(String endpoint, String keyType, String base64) {
        String fingerprint() {
            return sha256Fingerprint(Base64.getDecoder().decode(base64));
        }
    }

    private final Path file;
    private final Map<String, Pin> pins = new LinkedHashMap<>();

    private HostKeyPins(Path file) {
        this.file = file;
    }

    public static HostKeyPins inMemory() {
        return new HostKeyPins(null);
    }

    public static HostKeyPins file(Path file) {
        HostKeyPins store = new HostKeyPins(file);
        if (Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length >= 3 && !parts[0].startsWith("#")) {
                        store.pins.put(parts[0], new Pin(parts[0], parts[1], parts[2]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read host key pins from " + file, e);
            }
        }
        return store;
    }

    public static String endpoint(String host, int port) {
        return "[" + host + "]:" + port;
    }

    public synchronized Optional<Pin> pinned(String host, int port) {
        return Optional.ofNullable(pins.get(endpoint(host, port)));
    }

    /** Pins {@code key} if nothing is pinned yet; returns the pin that is in force afterwards. */
    synchronized Pin pinIfAbsent(String host, int port, PublicKey key) {
        String endpoint = endpoint(host, port);
        Pin existing = pins.get(endpoint);
        if (existing != null) {
            return existing;
        }
        Pin pin = new Pin(endpoint, KeyType.fromKey(key).toString(), Base64.getEncoder().encodeToString(blob(key)));
        pins.put(endpoint, pin);
        persist();
        return pin;
    }

    /** Forgets a pin, for the operator who has confirmed a device was legitimately re-keyed. */
    public synchronized void forget(String host, int port) {
        if (pins.remove(endpoint(host, port)) != null) {
            persist();
        }
    }

    static boolean matches(Pin pin, PublicKey key) {
        return pin.base64().equals(Base64.getEncoder().encodeToString(blob(key)));
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

    private void persist() {
        if (file == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        pins.values().forEach(p -> sb.append(p.endpoint()).append(' ').append(p.keyType()).append(' ')
                .append(p.base64()).append('\n'));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".pins", ".tmp");
            Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
            // Atomic so a crash never leaves a half-written pin file, which would re-open TOFU for every device.
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write host key pins to " + file, e);
        }
    }
}
