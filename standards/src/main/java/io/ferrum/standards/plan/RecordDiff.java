package io.ferrum.standards.plan;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares two drafts of the same record type attribute by attribute, as text, so that {@code 2.0} and
 * {@code 2.00} metres or a null and an empty tag list count as equal, as a person would read them.
 */
final class RecordDiff {

    private RecordDiff() {
    }

    static <R extends Record> List<AttributeChange> between(R before, R after, Set<String> ignored) {
        List<AttributeChange> changes = new ArrayList<>();
        for (RecordComponent component : after.getClass().getRecordComponents()) {
            if (ignored.contains(component.getName())) {
                continue;
            }
            String was = before == null ? null : text(read(component, before));
            String will = text(read(component, after));
            if (before == null ? will != null : !java.util.Objects.equals(was, will)) {
                changes.add(new AttributeChange(component.getName(), was, will));
            }
        }
        return changes;
    }

    /** Every attribute set on a new object. */
    static <R extends Record> List<AttributeChange> created(R after, Set<String> ignored) {
        return between(null, after, ignored);
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        if (value instanceof io.ferrum.model.common.WireValue wire) {
            return wire.wire();
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty() ? null
                    : collection.stream().map(RecordDiff::text).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Record record) {
            return java.util.Arrays.stream(record.getClass().getRecordComponents())
                    .map(c -> text(read(c, record))).map(v -> v == null ? "-" : v)
                    .collect(Collectors.joining(" ", "(", ")"));
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
