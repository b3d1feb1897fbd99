package io.ferrum.provisioning.firmware;

import io.ferrum.model.common.IntentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Image bytes stored by content: {@code ROOT/sha256/<hex>}. A file appears under its hash only after it was
 * written whole, synced and hashed, by an atomic rename; a crash mid-upload leaves a temporary file, never a
 * wrong one. Storing the same bytes twice keeps one copy.
 */
public class ImageStore {

    /** What was stored: where, its hash and size. */
    public record Stored(Path path, String sha256, long sizeBytes) {
    }

    /** Every catalogue table whose rows name stored bytes by their {@code sha256}. */
    static final List<String> REFERENCING_TABLES = List.of("firmware_image", "os_image");

    private final Path root;
    private final long maxBytes;

    /**
     * @param root     e.g. {@code FERRUM_HOME/images}
     * @param maxBytes the largest image accepted; uploads beyond it are refused before they fill the disk
     */
    public ImageStore(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    /**
     * Streams {@code in} to the store, hashing it on the way.
     *
     * @param expectedSha256 what the uploader says the bytes hash to; a mismatch stores nothing
     */
    public Stored store(InputStream in, String expectedSha256) {
        Path dir = root.resolve("sha256");
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "upload-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = copyBounded(in, out);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (size == 0) {
                throw IntentException.invalid("body", "the image is empty");
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expectedSha256)) {
                throw IntentException.invalid("sha256", "the uploaded bytes hash to " + actual + ", not "
                        + expectedSha256 + " (nothing stored; was the file truncated or the checksum mistyped?)");
            }
            Path target = dir.resolve(actual);
            if (!Files.exists(target)) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target);
                }
            }
            return new Stored(target, actual, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the image under " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray .part file is harmless and never read
                }
            }
        }
    }

    /** The stored file of these bytes, if this node holds it. */
    public Optional<Path> find(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path file = root.resolve("sha256").resolve(sha256);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Removes the bytes once no catalogue entry of any kind names them. Firmware and OS images share this store
     * (content-addressed: equal bytes are one file), so the check counts every catalogue, in one place: a catalogue
     * that counted only its own table would delete another's file.
     */
    public void releaseIfUnused(String sha256, JdbcTemplate jdbc) {
        Integer users = jdbc.queryForObject("SELECT " + REFERENCING_TABLES.stream()
                .map(table -> "(SELECT count(*) FROM " + table + " WHERE sha256 = ?)")
                .collect(Collectors.joining(" + ")), Integer.class,
                REFERENCING_TABLES.stream().map(table -> sha256).toArray());
        if (users == null || users == 0) {
            delete(sha256);
        }
    }

    private void delete(String sha256) {
        find(sha256).ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + file, e);
            }
        });
    }

    private long copyBounded(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw IntentException.invalid("body", "the image is larger than the limit of " + maxBytes
                        + " bytes (ferrum.firmware.max-image-bytes)");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }
}
