package io.ferrum.api.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client values quoted back in error messages, cut to a readable length: a 5 MB name in a refusal must not become a
 * 5 MB answer or log line. Used for every problem the API answers and every line the CLI prints.
 */
public final class Echoes {

    /** Longest quoted value shown whole. */
    public static final int MAX_VALUE = 80;
    /** Longest message, whatever it quotes. */
    public static final int MAX_MESSAGE = 1000;
    private static final Pattern QUOTED = Pattern.compile("'([^']{" + (MAX_VALUE + 1) + ",})'|\"([^\"]{"
            + (MAX_VALUE + 1) + ",})\"");

    private Echoes() {
    }

    public static String shortened(String message) {
        if (message == null) {
            return null;
        }
        Matcher quoted = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            boolean single = quoted.group(1) != null;
            String value = single ? quoted.group(1) : quoted.group(2);
            String quote = single ? "'" : "\"";
            quoted.appendReplacement(out, Matcher.quoteReplacement(quote + value.substring(0, MAX_VALUE) + "…"
                    + quote + " (" + value.length() + " characters)"));
        }
        quoted.appendTail(out);
        return out.length() <= MAX_MESSAGE ? out.toString() : out.substring(0, MAX_MESSAGE) + "…";
    }
}
