package io.ferrum.api.plans;

import io.ferrum.standards.plan.Plan;
import io.ferrum.standards.plan.PlanOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Plans made through the API, kept so that apply can take a plan id: it re-plans the stored definition and applies
 * only if the result is still the reviewed plan. Held in memory, newest 200, like terraform's saved plan files;
 * a restart or another node needs a fresh plan.
 */
@Component
class PlanStore {

    private static final int CAPACITY = 200;

    /** What was planned and how, so the same plan can be made again at apply time. */
    record StoredPlan(Plan plan, String fileName, String definition, PlanOptions options, String createdBy,
                      Instant createdAt) {
    }

    private final Map<String, StoredPlan> plans = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredPlan> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void put(StoredPlan plan) {
        plans.put(plan.plan().id(), plan);
    }

    synchronized Optional<StoredPlan> get(String id) {
        return Optional.ofNullable(plans.get(id));
    }
}
