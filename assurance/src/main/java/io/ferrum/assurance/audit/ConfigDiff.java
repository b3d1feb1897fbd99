package io.ferrum.assurance.audit;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.Arrays;
import java.util.List;

/**
 * Running versus rendered configuration, compared as a person reads it (line endings and trailing blanks do not
 * count) and shown as a unified diff, rendered first, so {@code -} is what intent wants and {@code +} what the device
 * runs.
 */
final class ConfigDiff {

    private ConfigDiff() {
    }

    /** The unified diff, or null when the two are the same configuration. */
    static String between(String hostname, String rendered, String running) {
        List<String> wanted = lines(rendered);
        List<String> actual = lines(running);
        if (wanted.equals(actual)) {
            return null;
        }
        Patch<String> patch = DiffUtils.diff(wanted, actual);
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(hostname + " (rendered)",
                hostname + " (running)", wanted, patch, 3)) + "\n";
    }

    private static List<String> lines(String text) {
        List<String> lines = Arrays.stream(text.replace("\r\n", "\n").split("\n", -1))
                .map(String::stripTrailing).toList();
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isEmpty()) {
            end--;
        }
        return lines.subList(0, end);
    }
}
