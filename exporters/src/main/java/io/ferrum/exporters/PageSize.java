package io.ferrum.exporters;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Paper sizes the printable exports support, in PDF points (1/72 inch). */
public enum PageSize {
    A4("a4", 595.2756f, 841.8898f),
    LETTER("letter", 612f, 792f);

    private final String wire;
    private final float widthPt;
    private final float heightPt;

    PageSize(String wire, float widthPt, float heightPt) {
        this.wire = wire;
        this.widthPt = widthPt;
        this.heightPt = heightPt;
    }

    public String wire() {
        return wire;
    }

    public float widthPt() {
        return widthPt;
    }

    public float heightPt() {
        return heightPt;
    }

    /** Accepts {@code a4} or {@code letter}, case-insensitively. */
    public static PageSize of(String wire) {
        for (PageSize size : values()) {
            if (size.wire.equalsIgnoreCase(wire)) {
                return size;
            }
        }
        throw new IllegalArgumentException("'" + wire + "' is not one of "
                + Arrays.stream(values()).map(PageSize::wire).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return wire.toUpperCase(Locale.ROOT);
    }
}
