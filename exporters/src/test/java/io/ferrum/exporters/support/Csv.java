package io.ferrum.exporters.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests, independent of the writer under test. */
public final class Csv {

    private Csv() {
    }

    public static List<List<String>> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() != 0) {
                    throw new IllegalArgumentException("quote inside unquoted field at " + i);
                }
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c == '\r') {
                throw new IllegalArgumentException("CR outside quotes at " + i);
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted || field.length() > 0 || !row.isEmpty()) {
            throw new IllegalArgumentException("file does not end with a complete line");
        }
        return rows;
    }
}
