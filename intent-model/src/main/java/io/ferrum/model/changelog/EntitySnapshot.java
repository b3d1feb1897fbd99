package io.ferrum.model.changelog;

import io.ferrum.model.common.IntentEntity;
import io.ferrum.model.common.WireValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Turns Hibernate's state array into the JSON-ready map the change log stores: references become ids, enums their
 * wire values, so the before/after documents stay small and stable across refactorings.
 */
final class EntitySnapshot {

    private EntitySnapshot() {
    }

    static Map<String, Object> of(EntityPersister persister, Object id, Object[] state) {
        if (state == null) {
            return null;
        }
        String[] names = persister.getPropertyNames();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", id);
        for (int i = 0; i < names.length; i++) {
            Object value = simplify(state[i]);
            if (value != SKIP) {
                snapshot.put(names[i], value);
            }
        }
        return snapshot;
    }

    private static final Object SKIP = new Object();

    private static Object simplify(Object value) {
        if (value instanceof IntentEntity entity) {
            return entity.getId();
        }
        if (value instanceof WireValue wire) {
            return wire.wire();
        }
        if (value instanceof Collection<?> collection) {
            // Child collections (a device's ports) are logged as their own objects; keep only values such as tags.
            if (!collection.isEmpty() && collection.iterator().next() instanceof IntentEntity) {
                return SKIP;
            }
            if (!(collection instanceof java.util.List<?>) && !(collection instanceof java.util.Set<?>)) {
                return SKIP;
            }
            ArrayList<Object> copy = new ArrayList<>();
            for (Object element : collection) {
                copy.add(simplify(element));
            }
            return copy;
        }
        if (value instanceof Record || value instanceof String || value instanceof Number || value instanceof Boolean
                || value == null) {
            return value;
        }
        return value.toString();
    }
}
