package io.ferrum.provisioning.pipeline;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Config text as runs compare it: trailing spaces and trailing blank lines do not make a device differ (devices
 * and templates disagree about them); everything else does.
 */
final class ConfigText {

    private ConfigText() {
    }

    static String normalized(String text) {
        List<String> lines = text.replace("\r\n", "\n").lines().map(String::stripTrailing).toList();
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isEmpty()) {
            end--;
        }
        return String.join("\n", lines.subList(0, end)) + "\n";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalized(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Unified diff from the running config to the desired one, as {@code terraform plan} shows a change. */
    static String diff(String device, String running, String desired) {
        List<String> from = normalized(running).lines().toList();
        List<String> to = normalized(desired).lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(device + " (running)", device + " (rendered)",
                from, DiffUtils.diff(from, to), 3)) + "\n";
    }
}
