package io.ferrum.exporters.labels;

import java.util.List;

/** One printed label: a large title (what is written on the cable or device) and smaller detail lines. */
public record Label(String title, List<String> details) {
    public Label {
        details = List.copyOf(details);
    }
}
