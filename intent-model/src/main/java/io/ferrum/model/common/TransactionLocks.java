package io.ferrum.model.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL advisory locks held until the current transaction ends: the one way Ferrum serialises writers that
 * must see each other's results (allocation from one pool, applying one site's plan).
 */
@Component
public class TransactionLocks {

    /** Object ids come from one sequence; names live in their own key space so the two never collide. */
    private static final int NAMED = 1;

    private final EntityManager entityManager;

    public TransactionLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Locks an intent object by id, e.g. the prefix being allocated from. */
    public void lock(long id) {
        // A lock needs no pending changes written first; skipping the auto-flush keeps large transactions fast.
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:id)").setParameter("id", id)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
    }

    /** Locks a name, e.g. a site code while its plan is applied. */
    public void lock(String name) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:space, hashtext(:name))")
                .setParameter("space", NAMED).setParameter("name", name)
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
    }
}
