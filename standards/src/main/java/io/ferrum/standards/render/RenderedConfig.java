package io.ferrum.standards.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One device's desired config: the text, the template it came from and the standard that shipped it. {@code sha256}
 * of the text is how a pipeline's check step compares it with what the device runs.
 */
public record RenderedConfig(String device, RenderTarget target, String standard, String template, String text) {

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
