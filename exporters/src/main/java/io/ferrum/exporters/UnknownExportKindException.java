package io.ferrum.exporters;

import java.util.List;

/** Thrown for a kind the registry does not know; the message lists the known kinds so a CLI can show it as is. */
public class UnknownExportKindException extends IllegalArgumentException {

    private final String kind;
    private final List<String> knownKinds;

    public UnknownExportKindException(String kind, List<String> knownKinds) {
        super("Unknown export kind '" + kind + "'; known kinds: " + String.join(", ", knownKinds));
        this.kind = kind;
        this.knownKinds = List.copyOf(knownKinds);
    }

    public String kind() {
        return kind;
    }

    public List<String> knownKinds() {
        return knownKinds;
    }
}
