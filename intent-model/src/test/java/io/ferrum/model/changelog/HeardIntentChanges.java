package io.ferrum.model.changelog;

import static org.springframework.transaction.event.TransactionPhase.AFTER_COMMIT;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * An after-commit listener as another module would write it. A scanned component rather than a test configuration,
 * so the model's tests keep sharing one Spring context.
 */
@Component
class HeardIntentChanges {

    final List<IntentChanged> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(phase = AFTER_COMMIT)
    void on(IntentChanged event) {
        events.add(event);
    }
}
