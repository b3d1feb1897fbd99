package io.ferrum.api.killswitch;

import io.ferrum.provisioning.killswitch.KillPlans;
import io.ferrum.provisioning.killswitch.KillSwitch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The kill switch's background work on one thread: the kill plan recomputed after intent changes (and checked every
 * tick, for changes another node made), the journal copied and intent marked, failed links retried while engaged,
 * standing sessions checked. None of it is on engage's path.
 */
class KillSwitchMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KillSwitchMaintenance.class);

    private final KillPlans plans;
    private final KillSwitch killSwitch;
    private final KillSwitchIntent intent;
    private final KillSwitchProperties properties;
    private volatile ScheduledExecutorService timer;
    private volatile long lastWarm;
    private final java.util.concurrent.atomic.AtomicBoolean refreshQueued = new java.util.concurrent.atomic.AtomicBoolean();

    KillSwitchMaintenance(KillPlans plans, KillSwitch killSwitch, KillSwitchIntent intent,
                          KillSwitchProperties properties) {
        this.plans = plans;
        this.killSwitch = killSwitch;
        this.intent = intent;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kill-switch-maintenance");
            t.setDaemon(true);
            return t;
        });
        long every = properties.maintainEvery().toMillis();
        timer.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    void planSoon() {
        ScheduledExecutorService t = timer;
        // One refresh waiting is enough: it reads intent as it is when it runs. Queued once per commit, a burst of
        // writes (clients filling a prefix: hundreds of commits a second) queued as many full plan computations.
        if (t != null && refreshQueued.compareAndSet(false, true)) {
            t.execute(() -> {
                refreshQueued.set(false); // a commit from here on queues the next refresh
                refreshPlan();
            });
        }
    }

    private void tick() {
        refreshPlan();
        intent.maintain();
        try {
            killSwitch.retryFailed();
        } catch (RuntimeException e) {
            log.warn("kill switch: retrying failed links: {}", e.toString());
        }
        if (System.nanoTime() - lastWarm > properties.warmEvery().toNanos()) {
            lastWarm = System.nanoTime();
            killSwitch.warm();
        }
    }

    private void refreshPlan() {
        try {
            plans.refresh();
        } catch (RuntimeException e) {
            // the database is away: engage goes on with the plan it has (memory, else the node's file)
            log.debug("kill plan not refreshed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
