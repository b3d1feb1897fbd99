package io.ferrum.provisioning.baremetal;

import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.firmware.ImageStore;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The OS images servers can be given: stored (in the same content-addressed store as firmware) and verified against
 * the uploader's SHA-256 before a row exists. An image a server still wants or runs cannot be deleted.
 */
public class OsImageCatalogue {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String COLUMNS = "id, name, version, format, sha256, size_bytes, uploaded_by, uploaded_at";

    private final JdbcTemplate jdbc;
    private final ImageStore store;

    public OsImageCatalogue(JdbcTemplate jdbc, ImageStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** What an upload says the bytes are. */
    public record Upload(String name, String version, String format, String sha256) {
    }

    /** Stores and records the image; the same upload again answers the stored entry. */
    public OsImage add(Upload upload, InputStream bytes, String actor) {
        require("name", upload.name(), NAME, "letters, digits, '.', '_' or '-' (at most 64)");
        require("version", upload.version(), NAME, "letters, digits, '.', '_' or '-' (at most 64)");
        require("sha256", upload.sha256(), SHA256, "64 lower-case hexadecimal digits");
        String format = upload.format() == null ? "raw" : upload.format();
        if (!format.equals("raw") && !format.equals("gzip")) {
            throw IntentException.invalid("format", "'" + format + "' is not an image format; "
                    + "expected raw or gzip");
        }
        Optional<OsImage> existing = find(upload.name(), upload.version());
        if (existing.isPresent() && !existing.get().sha256().equals(upload.sha256())) {
            throw IntentException.conflict("version", existing.get().ident() + " exists with sha256 "
                    + existing.get().sha256() + "; upload under another version");
        }
        ImageStore.Stored stored = store.store(bytes, upload.sha256());
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.update("INSERT INTO os_image (name, version, format, sha256, size_bytes, uploaded_by) VALUES (?, ?, ?, ?, "
                + "?, ?) ON CONFLICT (name, version) DO NOTHING", upload.name(), upload.version(), format,
                stored.sha256(), stored.sizeBytes(), actor);
        return find(upload.name(), upload.version()).orElseThrow();
    }

    public List<OsImage> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM os_image ORDER BY name, version", OsImageCatalogue::image);
    }

    public Optional<OsImage> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM os_image WHERE id = ?", OsImageCatalogue::image, id).stream()
                .findFirst();
    }

    public Optional<OsImage> find(String name, String version) {
        return jdbc.query("SELECT " + COLUMNS + " FROM os_image WHERE name = ? AND version = ?",
                OsImageCatalogue::image, name, version).stream().findFirst();
    }

    /** The image a run or a request names as {@code name@version}. */
    public OsImage named(String field, String ident) {
        int at = ident == null ? -1 : ident.lastIndexOf('@');
        if (at <= 0 || at == ident.length() - 1) {
            throw IntentException.invalid(field, ident == null ? "required: an OS image as name@version"
                    : "'" + ident + "' is not name@version");
        }
        return find(ident.substring(0, at), ident.substring(at + 1)).orElseThrow(() -> IntentException.invalid(field,
                "no OS image " + ident + " in the catalogue (GET /api/v1/os-images)"));
    }

    public void delete(long id) {
        OsImage image = find(id).orElseThrow(() -> IntentException.notFound("id", "no OS image " + id));
        List<String> using = jdbc.queryForList("SELECT d.hostname FROM server_provisioning p JOIN device d ON d.id = "
                + "p.device_id WHERE ? IN (p.desired_image_id, p.deploying_image_id, p.installed_image_id) "
                + "ORDER BY d.hostname LIMIT 11", String.class, id);
        if (!using.isEmpty()) {
            throw IntentException.conflict("id", image.ident() + " is still wanted or installed on "
                    + String.join(", ", using.subList(0, Math.min(10, using.size())))
                    + (using.size() > 10 ? " and more" : ""));
        }
        jdbc.update("DELETE FROM os_image WHERE id = ?", id);
        store.releaseIfUnused(image.sha256(), jdbc);
    }

    /** The image's bytes on this node. */
    public Optional<Path> file(OsImage image) {
        return store.find(image.sha256());
    }

    private static void require(String field, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw IntentException.invalid(field, value == null ? "required: " + expected
                    : "'" + value + "' is not valid; expected " + expected);
        }
    }

    private static OsImage image(ResultSet rs, int row) throws SQLException {
        return new OsImage(rs.getLong("id"), rs.getString("name"), rs.getString("version"), rs.getString("format"),
                rs.getString("sha256"), rs.getLong("size_bytes"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
