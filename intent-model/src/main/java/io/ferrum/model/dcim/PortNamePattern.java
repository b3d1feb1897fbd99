package io.ferrum.model.dcim;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands port name patterns: each {@code [a-b]} range multiplies the names, so {@code Ethernet1/[1-4]} gives four
 * names and {@code swp[1-2]s[0-1]} gives four. A pattern without ranges is one name.
 */
public final class PortNamePattern {

    private static final Pattern RANGE = Pattern.compile("\\[(\\d+)-(\\d+)]");
    private static final int MAX_PORTS = 4096;

    private PortNamePattern() {
    }

    public static List<String> expand(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("a port name pattern must not be blank");
        }
        Matcher matcher = RANGE.matcher(pattern);
        if (!matcher.find()) {
            if (pattern.contains("[") || pattern.contains("]")) {
                throw new IllegalArgumentException("'" + pattern + "' has a bracket that is not a range like [1-48]");
            }
            return List.of(pattern);
        }
        int from = Integer.parseInt(matcher.group(1));
        int to = Integer.parseInt(matcher.group(2));
        if (from > to) {
            throw new IllegalArgumentException("'" + pattern + "' has a range that runs backwards: [" + from + "-" + to + "]");
        }
        if (to - from + 1 > MAX_PORTS) {
            throw new IllegalArgumentException("'" + pattern + "' expands to more than " + MAX_PORTS + " ports");
        }
        String head = pattern.substring(0, matcher.start());
        List<String> tails = expand(pattern.substring(matcher.end()).isEmpty() ? "\0" : pattern.substring(matcher.end()));
        List<String> names = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            for (String tail : tails) {
                names.add(head + i + (tail.equals("\0") ? "" : tail));
            }
        }
        if (names.size() > MAX_PORTS) {
            throw new IllegalArgumentException("'" + pattern + "' expands to more than " + MAX_PORTS + " ports");
        }
        return names;
    }
}
