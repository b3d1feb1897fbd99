package io.ferrum.standards.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/** What apply will do to one object; the symbols are the ones terraform users already read. */
public enum ChangeAction {
    CREATE("create", "+"),
    UPDATE("update", "~"),
    REPLACE("replace", "-/+"),
    DELETE("delete", "-");

    private final String wire;
    private final String symbol;

    ChangeAction(String wire, String symbol) {
        this.wire = wire;
        this.symbol = symbol;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public String symbol() {
        return symbol;
    }
}
