package io.ferrum.standards.plan;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records {@link PlanApplied} as a listener in another module would hear it: only after the apply committed. A
 * component of the test application, so every planner test shares one Spring context.
 */
@Component
class PlanAppliedRecorder {

    final List<PlanApplied> heard = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(PlanApplied event) {
        heard.add(event);
    }
}
