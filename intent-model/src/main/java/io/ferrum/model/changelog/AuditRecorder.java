package io.ferrum.model.changelog;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes changes of objects that are not intent (users, API tokens) to the same change log, with the same actor and
 * request ids, in the same transaction as the change. Unlike intent objects, whose whole state is logged, the caller
 * chooses what goes into {@code before} and {@code after}: that is how secrets (password hashes, token values) stay
 * out of the log. Such records are not announced as {@link IntentChanged}.
 */
@Component
public class AuditRecorder {

    private final ChangeLogListener listener;
    @PersistenceContext
    private EntityManager entityManager;

    AuditRecorder(ChangeLogListener listener) {
        this.listener = listener;
    }

    /**
     * Logs one change within the caller's transaction; it is written when the transaction commits, and never if it
     * rolls back.
     *
     * @param action {@code create}, {@code update} or {@code delete}
     * @param before the object before (null on create); only what may be shown to anyone who reads the log
     * @param after  the object after (null on delete); likewise
     */
    public void record(String action, String objectType, long objectId, Map<String, Object> before,
                       Map<String, Object> after) {
        if (!java.util.Set.of("create", "update", "delete").contains(action)) {
            throw new IllegalArgumentException("the change log knows create, update and delete, not " + action);
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a change of " + objectType + " " + objectId
                    + " can only be logged inside a transaction");
        }
        listener.buffer(entityManager.unwrap(SharedSessionContractImplementor.class),
                ChangeRecord.of(ChangeContext.current(), action, objectType, objectId, before, after, false));
    }
}
