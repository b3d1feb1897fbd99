package io.ferrum.model.changelog;

import java.util.Set;

/**
 * Objects of one kind were created, updated or deleted by a committed transaction: one event per kind per
 * transaction, whoever wrote (API, planner, CLI). Published inside the transaction, so listen with
 * {@code @TransactionalEventListener(phase = AFTER_COMMIT)}: a rolled-back write is never announced.
 *
 * @param kind the kind of the objects
 * @param ids  the ids of every object of that kind the transaction touched, deleted ones included
 */
public record IntentChanged(IntentKind kind, Set<Long> ids) {

    public IntentChanged {
        ids = Set.copyOf(ids);
    }
}
