package io.ferrum.provisioning.driver.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Host key pins in a file ({@code [host]:port type base64} per line) so they survive restarts, or in memory only.
 * One node's store: nodes that must share pins need a store they all reach.
 */
public final class FileHostKeyPins implements HostKeyPins {

    private final Path file;
    private final Map<String, Pin> pins = new LinkedHashMap<>();

    private FileHostKeyPins(Path file) {
        this.file = file;
    }

    public static FileHostKeyPins inMemory() {
        return new FileHostKeyPins(null);
    }

    public static FileHostKeyPins load(Path file) {
        FileHostKeyPins store = new FileHostKeyPins(file);
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

    @Override
    public synchronized Optional<Pin> pinned(String host, int port) {
        return Optional.ofNullable(pins.get(HostKeyPins.endpoint(host, port)));
    }

    @Override
    public synchronized Pin pinIfAbsent(Pin candidate) {
        Pin existing = pins.get(candidate.endpoint());
        if (existing != null) {
            return existing;
        }
        pins.put(candidate.endpoint(), candidate);
        persist();
        return candidate;
    }

    @Override
    public synchronized void forget(String host, int port) {
        if (pins.remove(HostKeyPins.endpoint(host, port)) != null) {
            persist();
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
