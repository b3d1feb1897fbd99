package io.ferrum.model.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum with a stable lowercase wire value: what the API, the database and exports use.
 * Renaming the Java constant never changes stored data.
 */
public interface WireValue {

    String wire();

    static <E extends Enum<E> & WireValue> E parse(Class<E> type, String wire) {
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(wire)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + wire + "' is not one of " + allowed(type));
    }

    static <E extends Enum<E> & WireValue> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireValue::wire).collect(Collectors.joining(", "));
    }
}
