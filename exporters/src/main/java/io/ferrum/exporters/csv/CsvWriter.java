package io.ferrum.exporters.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV with {@code \n} line ends (the device lab parses it with a strict reader): fields holding a
 * comma, quote, CR or LF are quoted and quotes doubled; null is an empty field.
 */
public final class CsvWriter {

    private final StringBuilder out = new StringBuilder(4096);

    public CsvWriter row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendField(fields.get(i));
        }
        out.append('\n');
        return this;
    }

    public CsvWriter row(Object... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    public byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendField(Object field) {
        if (field == null) {
            return;
        }
        String text = field.toString();
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
