package io.ferrum.provisioning.firmware;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.FirmwareVersions;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The firmware catalogue: which image is version V of platform P, stored and checksum-verified on upload. Intent
 * (a platform's or a device's desired firmware) names versions of it; an image intent still wants cannot be deleted.
 */
public class FirmwareCatalogue {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String COLUMNS = "id, name, platform, version, sha256, size_bytes, uploaded_by, uploaded_at";

    private final JdbcTemplate jdbc;
    private final ImageStore store;

    public FirmwareCatalogue(JdbcTemplate jdbc, ImageStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** What an upload says the bytes are. */
    public record Upload(String name, String platform, String version, String sha256) {
    }

    /**
     * Stores the bytes, verifying them against {@code upload.sha256}, then records the image. Uploading the same
     * image again (same platform, version and hash) is a no-op that answers the stored entry.
     */
    public FirmwareImage add(Upload upload, InputStream bytes, String actor) {
        validate(upload);
        Optional<FirmwareImage> existing = find(upload.platform(), upload.version());
        if (existing.isPresent() && !existing.get().sha256().equals(upload.sha256())) {
            throw IntentException.conflict("version", "platform " + upload.platform() + " already has version "
                    + upload.version() + " (image " + existing.get().name() + ", sha256 " + existing.get().sha256()
                    + "); delete it first or upload under another version");
        }
        ImageStore.Stored stored = store.store(bytes, upload.sha256());
        if (existing.isPresent()) {
            return existing.get();
        }
        Long id = jdbc.queryForObject("INSERT INTO firmware_image (name, platform, version, sha256, size_bytes, "
                + "uploaded_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, version) DO NOTHING RETURNING id",
                Long.class, upload.name(), upload.platform(), upload.version(), stored.sha256(), stored.sizeBytes(),
                actor);
        return find(id).orElseThrow();
    }

    public List<FirmwareImage> list(String platform) {
        return platform == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM firmware_image ORDER BY platform, version", FirmwareCatalogue::image)
                : jdbc.query("SELECT " + COLUMNS + " FROM firmware_image WHERE platform = ? ORDER BY version",
                        FirmwareCatalogue::image, platform);
    }

    public Optional<FirmwareImage> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM firmware_image WHERE id = ?", FirmwareCatalogue::image, id)
                .stream().findFirst();
    }

    public Optional<FirmwareImage> find(String platform, String version) {
        return jdbc.query("SELECT " + COLUMNS + " FROM firmware_image WHERE platform = ? AND version = ?",
                FirmwareCatalogue::image, platform, version).stream().findFirst();
    }

    /** Removes an image no platform or device of intent still wants; its bytes go when no other entry shares them. */
    public void delete(long id) {
        FirmwareImage image = find(id).orElseThrow(() -> IntentException.notFound("id", "no firmware image " + id));
        List<String> wanting = jdbc.queryForList("SELECT 'platform ' || p.name FROM platform p WHERE p.name = ? "
                + "AND p.desired_firmware = ? UNION ALL SELECT 'device ' || d.hostname FROM device d JOIN platform p "
                + "ON p.id = d.platform_id WHERE p.name = ? AND d.desired_firmware = ? ORDER BY 1 LIMIT 11",
                String.class, image.platform(), image.version(), image.platform(), image.version());
        if (!wanting.isEmpty()) {
            throw IntentException.conflict("id", image.platform() + " " + image.version() + " is still desired by "
                    + String.join(", ", wanting.subList(0, Math.min(10, wanting.size())))
                    + (wanting.size() > 10 ? " and more" : "") + "; desire another version first");
        }
        jdbc.update("DELETE FROM firmware_image WHERE id = ?", id);
        store.releaseIfUnused(image.sha256(), jdbc);
    }

    /** The stored bytes of an image on this node. */
    public Optional<java.nio.file.Path> file(FirmwareImage image) {
        return store.find(image.sha256());
    }

    private void validate(Upload upload) {
        require("name", upload.name(), NAME, "a file name of letters, digits, '.', '_' or '-' (at most 128)");
        if (FirmwareVersions.checked(upload.version()) == null) {
            throw IntentException.invalid("version", "required: the firmware version the image installs");
        }
        require("sha256", upload.sha256(), SHA256, "64 lower-case hexadecimal digits");
        if (upload.platform() == null || upload.platform().isBlank()) {
            throw IntentException.invalid("platform", "required: the platform the image is for");
        }
        List<String> platforms = jdbc.queryForList("SELECT name FROM platform ORDER BY name", String.class);
        if (!platforms.contains(upload.platform())) {
            throw IntentException.invalid("platform", "no platform named '" + truncated(upload.platform())
                    + "'; known are " + (platforms.isEmpty() ? "none" : String.join(", ", platforms)));
        }
    }

    private static void require(String field, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw IntentException.invalid(field, value == null ? "required: " + expected
                    : "'" + truncated(value) + "' is not valid; expected " + expected);
        }
    }

    private static String truncated(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }

    private static FirmwareImage image(ResultSet rs, int row) throws SQLException {
        return new FirmwareImage(rs.getLong("id"), rs.getString("name"), rs.getString("platform"),
                rs.getString("version"), rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
