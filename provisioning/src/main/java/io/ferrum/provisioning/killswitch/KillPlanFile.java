package io.ferrum.provisioning.killswitch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kill plan on this node's disk ({@code FERRUM_HOME/kill-switch/kill-plan.json}), so that engage works with the
 * database down and the CLI's break-glass engage works with the server down. The file holds the plan and the
 * SHA-256 of its canonical JSON; a file whose hash does not match (edited, truncated, half-written) is refused, never
 * used. Writes go to a temporary file, are forced to disk, then renamed over the old one: a crash leaves the old plan
 * or the new one, never a mix.
 */
public final class KillPlanFile {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final Path file;

    public KillPlanFile(Path directory) {
        this.file = directory.resolve("kill-plan.json");
    }

    public Path path() {
        return file;
    }

    /** Thrown when the file exists but cannot be trusted. */
    public static final class TamperedPlanException extends RuntimeException {
        TamperedPlanException(String message) {
            super(message);
        }
    }

    public synchronized void write(KillPlan plan) {
        try {
            Files.createDirectories(file.getParent());
            String body = JSON.writeValueAsString(plan);
            String envelope = "{\"sha256\":\"" + sha256(body) + "\",\"plan\":" + body + "}\n";
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, envelope, StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the kill plan " + file, e);
        }
    }

    /** The stored plan; empty when there is none yet. */
    public synchronized Optional<KillPlan> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode envelope = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (envelope == null || !envelope.hasNonNull("sha256") || !envelope.hasNonNull("plan")) {
                throw new TamperedPlanException(file + " is not a kill plan (no sha256 and plan)");
            }
            String body = JSON.writeValueAsString(envelope.get("plan"));
            String expected = envelope.get("sha256").asString();
            if (!sha256(body).equals(expected)) {
                throw new TamperedPlanException(file + " fails its integrity check: its plan does not hash to "
                        + expected + " (edited or damaged); recompute it from intent");
            }
            return Optional.of(JSON.treeToValue(envelope.get("plan"), KillPlan.class));
        } catch (IOException | RuntimeException e) {
            if (e instanceof TamperedPlanException tampered) {
                throw tampered;
            }
            throw new TamperedPlanException(file + " cannot be read as a kill plan: " + e.getMessage());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
