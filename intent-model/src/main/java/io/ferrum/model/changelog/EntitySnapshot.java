package io.ferrum.model.changelog;

import io.ferrum.model.common.IntentEntity;
import io.ferrum.model.common.WireValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Turns Hibernate's state array into the JSON-ready map the change log stores: references become ids, enums their
 * wire values, so the before/after documents stay small and stable across refactorings.
 */
final class EntitySnapshot {

    private EntitySnapshot() {
    }

    static Map<String, Object> of(EntityPersister persister, Object id, Object[] state) {
        return of(persister, id, state, false);
    }

    /**
     * @param before the state is the old one of an update: collections are then read from the snapshot Hibernate
     *               kept when it loaded them, because the collection object itself already holds the new elements
     */
    static Map<String, Object> of(EntityPersister persister, Object id, Object[] state, boolean before) {
        if (state == null) {
            return null;
        }
        String[] names = persister.getPropertyNames();
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("id", id);
        for (int i = 0; i < names.length; i++) {
            Object value = state[i];
            if (value instanceof Collection<?> && isChildren(persister, i)) {
                continue; // children such as a device's ports are logged as objects of their own
            }
            if (before && value instanceof PersistentCollection<?> collection
                    && collection.getStoredSnapshot() instanceof Collection<?> stored) {
                value = stored;
            }
            Object simple = simplify(value);
            if (simple != SKIP) {
                snapshot.put(names[i], simple);
            }
        }
        return snapshot;
    }

    /** Whether attribute {@code i} is the inverse side of a parent-child link, whose children log themselves. */
    static boolean isChildren(EntityPersister persister, int i) {
        return persister.getAttributeMapping(i) instanceof PluralAttributeMapping plural
                && plural.getCollectionDescriptor().isInverse();
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
            // Values such as tags, or references such as a connection's ports, which become ids.
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
