package io.ferrum.model.changelog;

import io.ferrum.model.common.IntentEntity;
import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Hibernate;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.internal.SessionFactoryImpl;
import org.hibernate.persister.entity.EntityPersister;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Records every create, update and delete of an intent object, whoever makes it (API, planner, CLI), in the same
 * transaction as the change itself: rows are buffered per session and written in one JDBC batch just before
 * commit, so a rolled-back change leaves no log and a committed one always has its log. Being the one place that
 * sees every write, it also announces them: one {@link IntentChanged} per kind per transaction, published with the
 * log rows so that after-commit listeners hear of committed writes only. Changes of objects that are not intent
 * (users, tokens) join the same rows through {@link AuditRecorder}, and are not announced.
 */
@Component
public class ChangeLogListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        DeleteEventListener {

    private static final String COPY = "COPY change_log (actor, request_id, server_request_id, action, object_type, "
            + "object_id, before, after) FROM STDIN WITH (FORMAT csv)";

    private static final Logger log = LoggerFactory.getLogger(ChangeLogListener.class);

    private final EntityManagerFactory entityManagerFactory;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Map<SharedSessionContractImplementor, List<ChangeRecord>> pending = new IdentityHashMap<>();

    public ChangeLogListener(EntityManagerFactory entityManagerFactory, ObjectMapper json,
                             ApplicationEventPublisher events) {
        this.entityManagerFactory = entityManagerFactory;
        this.json = json;
        this.events = events;
    }

    @PostConstruct
    void register() {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImpl.class)
                .getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
        // before Hibernate's own delete listener, which detaches the entity's collections
        registry.prependListeners(EventType.DELETE, this);
    }

    /**
     * A deleted object's log row keeps its collection values (tags, a connection's ports). Once Hibernate schedules
     * the delete, a collection it never loaded can no longer be read ("collection is being removed"), so read
     * those collections now, while the object is still whole.
     */
    @Override
    public void onDelete(DeleteEvent event) {
        Object entity = Hibernate.unproxy(event.getObject());
        if (!(entity instanceof IntentEntity)) {
            return;
        }
        EntityPersister persister = event.getSession().getEntityPersister(event.getEntityName(), entity);
        Object[] values = persister.getValues(entity);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof PersistentCollection<?> collection && !collection.wasInitialized()
                    && !EntitySnapshot.isChildren(persister, i)) {
                Hibernate.initialize(collection);
            }
        }
    }

    @Override
    public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
        onDelete(event);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        record(event.getSession(), "create", event.getEntity(), event.getId(), null,
                EntitySnapshot.of(event.getPersister(), event.getId(), event.getState()));
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        EntityPersister persister = event.getPersister();
        record(event.getSession(), "update", event.getEntity(), event.getId(),
                EntitySnapshot.of(persister, event.getId(), event.getOldState(), true),
                EntitySnapshot.of(persister, event.getId(), event.getState()));
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        record(event.getSession(), "delete", event.getEntity(), event.getId(),
                EntitySnapshot.of(event.getPersister(), event.getId(), event.getDeletedState()), null);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void record(SharedSessionContractImplementor session, String action, Object entity, Object id,
                        Map<String, Object> before, Map<String, Object> after) {
        if (!(entity instanceof IntentEntity intent)) {
            return;
        }
        buffer(session, ChangeRecord.of(ChangeContext.current(), action, intent.objectType(), ((Number) id).longValue(),
                before, after, true));
    }

    /** Adds a change to the session's log rows, which are written just before its transaction commits. */
    void buffer(SharedSessionContractImplementor session, ChangeRecord change) {
        boolean first;
        synchronized (pending) {
            List<ChangeRecord> buffer = pending.get(session);
            first = buffer == null;
            if (first) {
                buffer = new ArrayList<>();
                pending.put(session, buffer);
            }
            buffer.add(change);
        }
        if (first) {
            var actions = ((SessionImplementor) session).getActionQueue();
            actions.registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) this::flush);
            actions.registerCallback((TransactionCompletionCallbacks.AfterCompletionCallback)
                    (success, s) -> drain(s));
        }
    }

    private List<ChangeRecord> drain(SharedSessionContractImplementor session) {
        synchronized (pending) {
            List<ChangeRecord> buffer = pending.remove(session);
            return buffer == null ? List.of() : buffer;
        }
    }

    private void flush(SharedSessionContractImplementor session) {
        List<ChangeRecord> changes = drain(session);
        if (changes.isEmpty()) {
            return;
        }
        // COPY rather than INSERT: a standard's apply logs tens of thousands of objects, and COPY moves them in one
        // stream within the same transaction.
        StringBuilder csv = new StringBuilder(changes.size() * 256);
        for (ChangeRecord change : changes) {
            csv.append(quoted(change.actor())).append(',')
                    .append(quoted(change.requestId())).append(',')
                    .append(quoted(change.serverRequestId())).append(',')
                    .append(change.action()).append(',')
                    .append(quoted(change.objectType())).append(',')
                    .append(change.objectId()).append(',')
                    .append(quoted(change.before() == null ? null : json.writeValueAsString(change.before()))).append(',')
                    .append(quoted(change.after() == null ? null : json.writeValueAsString(change.after()))).append('\n');
        }
        ((SessionImplementor) session).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new SQLException("cannot write the change log", e);
            }
        });
        announce(changes);
    }

    /**
     * Runs in Hibernate's before-completion step, still inside Spring's transaction: a
     * {@code @TransactionalEventListener(AFTER_COMMIT)} hears of the event only once the commit succeeded.
     */
    private void announce(List<ChangeRecord> changes) {
        Map<IntentKind, Set<Long>> idsByKind = new EnumMap<>(IntentKind.class);
        for (ChangeRecord change : changes) {
            if (!change.intent()) {
                continue;
            }
            IntentKind.ofWire(change.objectType()).ifPresentOrElse(
                    kind -> idsByKind.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(change.objectId()),
                    () -> log.warn("No IntentKind for '{}': its changes are logged but not announced",
                            change.objectType()));
        }
        idsByKind.forEach((kind, ids) -> events.publishEvent(new IntentChanged(kind, ids)));
    }

    /** A CSV field for COPY: unquoted empty means NULL, so every present value is quoted. */
    private static String quoted(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
