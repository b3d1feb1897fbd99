package io.ferrum.model.common;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link WireValue} enum as its wire value; subclasses exist only because JPA needs a concrete class. */
public abstract class WireValueConverter<E extends Enum<E> & WireValue> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireValueConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wire();
    }

    @Override
    public E convertToEntityAttribute(String wire) {
        return wire == null ? null : WireValue.parse(type, wire);
    }
}
