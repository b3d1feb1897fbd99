package io.ferrum.model.dcim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;

/** Physical cable media. */
public enum CableType implements WireValue {
    DAC("dac"),
    AOC("aoc"),
    SMF("smf"),
    MMF("mmf"),
    CAT5E("cat5e"),
    CAT6("cat6"),
    CAT6A("cat6a"),
    POWER("power"),
    CONSOLE("console");

    private final String wire;

    CableType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static CableType of(String wire) {
        return WireValue.parse(CableType.class, wire);
    }
}
