package io.ferrum.assurance.collect;

import io.ferrum.assurance.audit.AuditIntent;
import io.ferrum.assurance.observe.DeviceObservation;
import io.ferrum.assurance.observe.ObservationSnapshots;
import io.ferrum.assurance.observe.ObservedSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls every device on its schedule and on traps, audits each observation against its site's intent and hands
 * the findings to the drift events. One scheduler thread decides what is due; one bounded pool
 * ({@code max-concurrent-polls}) runs the polls, each call of which has a timeout, so a slow or dead device holds
 * one pool thread for at most its timeouts while the others go on. After an intent change the last observation of
 * each device of a changed site is audited again at once, without polling.
 */
public class Collector implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Collector.class);
    private static final Duration TICK = Duration.ofMillis(200);
    /** How often another node's (or a CLI's) intent writes are looked for; this node's own arrive as events. */
    private static final Duration REVISION_CHECK = Duration.ofSeconds(5);

    private final CollectorProperties properties;
    private final DevicePoller poller;
    private final SiteIntents intents;
    private final PollRecorder recorder;
    private final ObservationSnapshots snapshots;
    private final Clock clock;
    private final PollSchedule schedule = new PollSchedule();
    /** The last observation of each device, for re-audits without polling. */
    private final Map<String, DeviceObservation> lastSeen = new ConcurrentHashMap<>();
    private final AtomicBoolean intentChanged = new AtomicBoolean(true);
    private final AtomicInteger running = new AtomicInteger();
    private volatile ScheduledExecutorService scheduler;
    private volatile ExecutorService pool;
    private Instant lastRevisionCheck = Instant.EPOCH;

    public Collector(CollectorProperties properties, DevicePoller poller, SiteIntents intents, PollRecorder recorder,
                     ObservationSnapshots snapshots, Clock clock) {
        this.properties = properties;
        this.poller = poller;
        this.intents = intents;
        this.recorder = recorder;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        int size = properties.maxConcurrentPolls();
        pool = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads("ferrum-poll-"));
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
        scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(threads("ferrum-collector-"));
        scheduler.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Collector started: every {} by default, at most {} polls at once", properties.interval(), size);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        pool.shutdownNow();
        try {
            // polls end within their timeouts; waiting a little lets the current ones record what they saw
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        pool = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Intent changed (after commit): the next tick reloads the changed sites and re-audits their devices. */
    public void intentChanged() {
        intentChanged.set(true);
    }

    /**
     * Re-polls the device whose management address is {@code address} within the trap debounce (a trap from it
     * arrived); returns the device's hostname, or empty when no polled device has that address.
     */
    public Optional<String> pollSoon(String address) {
        Instant at = clock.instant().plus(properties.trapDebounce());
        for (PollTarget target : intents.targets()) {
            if (target.address().equals(address)) {
                schedule.pollBy(target.hostname(), at);
                return Optional.of(target.hostname());
            }
        }
        return Optional.empty();
    }

    /** Polls in progress or queued for a pool thread. */
    public int pollsRunning() {
        return running.get();
    }

    /** One turn of the scheduler: pick up intent changes, start what is due, count overruns. */
    void tick() {
        try {
            Instant now = clock.instant();
            boolean recheck = Duration.between(lastRevisionCheck, now).compareTo(REVISION_CHECK) >= 0;
            if (intentChanged.getAndSet(false) || (recheck && intents.stale())) {
                reloadIntent(now);
            }
            if (recheck) {
                lastRevisionCheck = now;
            }
            PollSchedule.Due due = schedule.takeDue(now);
            for (PollTarget target : due.overran()) {
                log.debug("{}: poll still running when the next was due", target.hostname());
                recorder.overran(target);
            }
            for (PollTarget target : due.start()) {
                running.incrementAndGet();
                pool.execute(() -> pollOne(target));
            }
        } catch (RuntimeException e) {
            // the scheduler must survive a database hiccup; the next tick tries again
            log.warn("collector tick failed: {}", e.toString());
            intentChanged.set(true);
        }
    }

    private void reloadIntent(Instant now) {
        Set<String> changed = intents.refresh();
        schedule.update(intents.targets(), now);
        for (String site : changed) {
            AuditIntent intent = intents.intent(site).orElse(null);
            if (intent == null) {
                continue;
            }
            for (PollTarget target : intents.targets(site)) {
                DeviceObservation last = lastSeen.computeIfAbsent(target.hostname(),
                        host -> snapshots.latest(host).map(ObservedSnapshot::observation).orElse(null));
                if (last != null) {
                    recorder.reaudited(target, last, intent, now);
                }
            }
        }
        if (!changed.isEmpty()) {
            log.debug("intent changed for sites {}: re-audited their last observations", changed);
        }
    }

    void pollOne(PollTarget target) {
        try {
            PollOutcome outcome = poller.poll(target);
            lastSeen.put(target.hostname(), outcome.observation());
            // the intent as it is now, not as it was when the poll began
            recorder.polled(target, outcome, intents.intent(target.site()).orElse(null));
        } catch (RuntimeException e) {
            log.warn("{}: recording the poll failed: {}", target.hostname(), e.toString());
        } finally {
            running.decrementAndGet();
            schedule.finished(target.hostname());
        }
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // package-private views for tests
    PollSchedule schedule() {
        return schedule;
    }
}
