package io.ferrum.model.common;

import java.util.Map;

/**
 * The longest text each field may hold, by field name, in one place: the API checks it while reading a body (before
 * anything reaches the database) and documents it as {@code maxLength} in the OpenAPI schema. Names, codes, serials,
 * labels and keys get {@link #DEFAULT}: short enough that any of them fits a PostgreSQL index entry even in 4-byte
 * UTF-8 (a b-tree entry holds about 2.7 KB), long enough for any real name. Free text, secrets and documents are
 * named here with their own bound.
 */
public final class TextLimits {

    /** Identifiers and short values: names, codes, hostnames, serials, labels, allocation keys, tags. */
    public static final int DEFAULT = 255;
    /** Prose people write: descriptions, reasons. */
    public static final int PROSE = 4_000;
    /** Whole documents carried as a JSON string: templates, configs, definitions. */
    public static final int DOCUMENT = 1_048_576;

    private static final Map<String, Integer> BY_FIELD = Map.ofEntries(
            Map.entry("description", PROSE), Map.entry("reason", PROSE), Map.entry("comments", PROSE),
            Map.entry("comment", PROSE), Map.entry("detail", PROSE), Map.entry("message", PROSE),
            Map.entry("url", 2_048), Map.entry("endpoint", 2_048),
            // long enough that bcrypt's own 72-byte rule is what a long password meets, with its clear message
            Map.entry("password", 1_024), Map.entry("newPassword", 1_024), Map.entry("currentPassword", 1_024),
            Map.entry("adminPassword", 1_024), Map.entry("passphrase", 1_024), Map.entry("authPassphrase", 1_024),
            Map.entry("privPassphrase", 1_024), Map.entry("command", 1_024),
            Map.entry("secret", 16_384), Map.entry("secondSecret", 16_384), Map.entry("privateKey", 16_384),
            Map.entry("publicKey", 16_384), Map.entry("certificate", 16_384),
            Map.entry("template", DOCUMENT), Map.entry("text", DOCUMENT), Map.entry("config", DOCUMENT),
            Map.entry("definition", DOCUMENT), Map.entry("runningConfig", DOCUMENT),
            Map.entry("renderedConfig", DOCUMENT), Map.entry("payload", DOCUMENT));

    private TextLimits() {
    }

    /** The bound for a field of this name ({@code null}, e.g. a bare string body: {@link #DEFAULT}). */
    public static int forField(String name) {
        return name == null ? DEFAULT : BY_FIELD.getOrDefault(name, DEFAULT);
    }
}
