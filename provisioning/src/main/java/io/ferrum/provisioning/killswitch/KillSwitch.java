package io.ferrum.provisioning.killswitch;

import io.ferrum.provisioning.driver.DriverException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engages and releases the exchange kill switch. Engage reads only the kill plan and talks only to devices: every
 * device holding links in scope gets one write, all devices in parallel, on the first channel that works (the
 * device shell on a standing session, else SNMP SET); then each link is read until it is oper-down. Every step is
 * written to the local journal before it counts. Release brings the links back in stages (a batch per pace, so the
 * venues do not see a reconnect storm), verifying each link up.
 */
public final class KillSwitch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KillSwitch.class);

    /**
     * @param verifyTimeout how long a link may take to read down (or up) before it is {@code -unverified}
     * @param verifyEvery   how often links are read while waiting
     * @param releaseBatch  links brought up per stage of a release
     * @param releasePace   pause between release stages
     */
    public record Settings(Duration verifyTimeout, Duration verifyEvery, int releaseBatch, Duration releasePace) {
        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(5), Duration.ofMillis(25), 10,
                Duration.ofMillis(500));
    }

    private final Supplier<Optional<KillPlan>> plans;
    private final List<PortChannel> channels;
    private final List<LinkReader> readers;
    private final KillJournal journal;
    private final Settings settings;
    private final Consumer<Engagement> changed;
    private final String node;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kill-switch");
        t.setDaemon(true);
        return t;
    });
    /** The links the switch holds down (or failed to), by {@code device:port}. */
    private final Map<String, LinkResult> held = new ConcurrentHashMap<>();
    private final Map<String, KillLink> heldLinks = new ConcurrentHashMap<>();
    private final List<String> scopes = new ArrayList<>();
    private final Map<String, VenueKill> venues;
    private volatile List<VenueCall> venueCalls = List.of();
    private volatile Engagement last = new Engagement(null, "released", List.of(), null, null, null, null, null, null,
            Map.of(), List.of(), false, List.of());

    /**
     * @param plans   the current kill plan (memory, else the node's file): never the database
     * @param changed told of every engage and release once it is done (the application marks intent with it)
     */
    public KillSwitch(Supplier<Optional<KillPlan>> plans, List<PortChannel> channels, List<LinkReader> readers,
                      KillJournal journal, Settings settings, Consumer<Engagement> changed, String node) {
        this(plans, channels, readers, journal, settings, changed, node, Map.of());
    }

    /** @param venues venue-side kill calls by exchange code, made in parallel with the port shutdown */
    public KillSwitch(Supplier<Optional<KillPlan>> plans, List<PortChannel> channels, List<LinkReader> readers,
                      KillJournal journal, Settings settings, Consumer<Engagement> changed, String node,
                      Map<String, VenueKill> venues) {
        this.venues = Map.copyOf(venues);
        this.plans = plans;
        this.channels = List.copyOf(channels);
        this.readers = List.copyOf(readers);
        this.journal = journal;
        this.settings = settings;
        this.changed = changed;
        this.node = node;
    }

    public Engagement status() {
        return last;
    }

    /**
     * Takes up where the journal ends, after a restart or a break-glass engage from the CLI: links a finished
     * release did not bring back are held again, with their last known state. Never touches a device.
     */
    public synchronized void restore(List<JournalRecord> records) {
        KillPlan plan = plans.get().orElse(null);
        String id = null;
        String reason = null;
        String actor = null;
        Instant started = null;
        Instant finished = null;
        String state = "released";
        boolean breakGlass = false;
        for (JournalRecord r : records) {
            Map<String, Object> d = r.detail() == null ? Map.of() : r.detail();
            switch (r.kind()) {
                case "engage-started" -> {
                    if (state.equals("released")) {
                        held.clear();
                        heldLinks.clear();
                        scopes.clear();
                    }
                    id = r.engagement();
                    reason = (String) d.get("reason");
                    actor = r.actor();
                    started = r.at();
                    state = "engaging";
                    breakGlass = Boolean.TRUE.equals(d.get("breakGlass"));
                    if (d.get("scope") instanceof String scope && !scopes.contains(scope)) {
                        scopes.add(scope);
                    }
                }
                case "link", "link-retry" -> {
                    String device = (String) d.get("device");
                    String port = (String) d.get("port");
                    String circuit = (String) d.get("circuit");
                    KillLink link = plan == null ? null : plan.links().stream().filter(l -> l.circuitId()
                            .equals(circuit) && (port == null || l.port().equals(port))).findFirst().orElse(null);
                    if (link != null) {
                        LinkState linkState = stateOf((String) d.get("state"));
                        held.put(link.key(), new LinkResult(circuit, link.exchange(), link.device(), link.port(),
                                linkState, (String) d.get("channel"), (String) d.get("reason"), null,
                                d.get("millis") instanceof Number n ? n.longValue() : 0));
                        heldLinks.put(link.key(), link);
                    } else if (device != null) {
                        log.warn("kill switch: journal names {} {}:{}, which the kill plan no longer has", circuit,
                                device, port);
                    }
                }
                case "engage-finished" -> {
                    state = "engaged";
                    finished = r.at();
                }
                case "release-finished" -> {
                    state = "released";
                    held.clear();
                    heldLinks.clear();
                    scopes.clear();
                }
                default -> {
                }
            }
        }
        if (state.equals("engaging")) {
            state = "engaged"; // the node died mid-engage: what it wrote is what is known; failed links retry
        }
        last = view(id, state, reason, actor, started, finished, null, null, breakGlass);
        if (!held.isEmpty()) {
            log.warn("kill switch restored from its journal: {} {}", state, last.counts());
            changed.accept(last);
        }
    }

    private static LinkState stateOf(String wire) {
        for (LinkState s : LinkState.values()) {
            if (s.wire().equals(wire)) {
                return s;
            }
        }
        return LinkState.FAILED;
    }

    /** Opens (or checks) the standing sessions to every device of the plan; a device that fails is logged only. */
    public void warm() {
        plans.get().ifPresent(plan -> byDevice(plan.links()).forEach((device, links) -> {
            for (PortChannel channel : channels) {
                try {
                    channel.warm(device, links.get(0).address());
                } catch (RuntimeException e) {
                    log.debug("kill switch: standing session to {} over {}: {}", device, channel.name(),
                            e.getMessage());
                }
            }
        }));
    }

    public synchronized Engagement engage(KillScope scope, String reason, String actor, boolean breakGlass) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an engage needs a reason");
        }
        KillPlan plan = plans.get().orElseThrow(() -> new IllegalStateException(
                "no kill plan on this node yet: it is computed from intent once the server has started"));
        List<KillLink> links = plan.in(scope);
        String id = UUID.randomUUID().toString();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        journal.append(new JournalRecord(UUID.randomUUID().toString(), id, started, "engage-started", actor,
                detail("scope", scope.text(), "reason", reason, "links", links.size(), "node", node,
                        "planRevision", plan.revision(), "breakGlass", breakGlass)));
        log.warn("KILL SWITCH ENGAGE {} by {} ({} links): {}", scope.text(), actor, links.size(), reason);
        if (!scopes.contains(scope.text())) {
            scopes.add(scope.text());
        }
        links.forEach(l -> heldLinks.put(l.key(), l));
        last = view(id, "engaging", reason, actor, started, null, null, null, breakGlass);

        List<Future<VenueCall>> calls = new ArrayList<>();
        links.stream().map(KillLink::exchange).distinct().filter(venues::containsKey).forEach(exchange ->
                calls.add(workers.submit(() -> callVenue(exchange, venues.get(exchange), id, reason, actor, t0))));
        List<Future<List<LinkResult>>> perDevice = new ArrayList<>();
        byDevice(links).forEach((device, onDevice) -> perDevice.add(workers.submit(() ->
                takeDown(device, onDevice, t0))));
        List<LinkResult> results = new ArrayList<>();
        for (Future<List<LinkResult>> f : perDevice) {
            try {
                results.addAll(f.get(settings.verifyTimeout().toMillis() * 4, TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                log.error("kill switch: a device's engage did not finish", e);
            }
        }
        for (LinkResult r : results) {
            held.put(r.device() + ":" + r.port(), r);
            journal.append(new JournalRecord(UUID.randomUUID().toString(), id, Instant.now(), "link", actor,
                    detail("circuit", r.circuitId(), "device", r.device(), "port", r.port(), "state",
                            r.state().wire(), "channel", r.channel(), "reason", r.reason(), "millis", r.millis())));
        }
        List<VenueCall> made = new ArrayList<>();
        for (Future<VenueCall> call : calls) {
            try {
                VenueCall c = call.get(settings.verifyTimeout().toMillis() * 4, TimeUnit.MILLISECONDS);
                made.add(c);
                journal.append(new JournalRecord(UUID.randomUUID().toString(), id, Instant.now(), "venue-call",
                        actor, detail("exchange", c.exchange(), "how", c.how(), "ok", c.ok(), "error", c.error(),
                                "millis", c.millis())));
            } catch (Exception e) {
                log.error("kill switch: a venue call did not finish", e);
            }
        }
        venueCalls = List.copyOf(made);
        Long first = results.stream().filter(r -> r.state() == LinkState.DOWN_VERIFIED).map(LinkResult::millis)
                .min(Long::compare).orElse(null);
        boolean allDown = !results.isEmpty() && results.stream().allMatch(r -> r.state() == LinkState.DOWN_VERIFIED);
        Long all = allDown ? results.stream().map(LinkResult::millis).max(Long::compare).orElse(null) : null;
        Instant finished = Instant.now();
        last = view(id, "engaged", reason, actor, started, finished, first, all, breakGlass);
        journal.append(new JournalRecord(UUID.randomUUID().toString(), id, finished, "engage-finished", actor,
                detail("scope", scope.text(), "counts", last.counts(), "firstDownMillis", first,
                        "allDownMillis", all)));
        log.warn("KILL SWITCH ENGAGED {}: {} (first down {} ms, all down {} ms)", scope.text(), last.counts(),
                first, all);
        changed.accept(last);
        return last;
    }

    /** Re-tries links that failed, while engaged (a device that comes back is taken down then). */
    public synchronized Engagement retryFailed() {
        List<KillLink> failed = held.values().stream().filter(r -> r.state() == LinkState.FAILED)
                .map(r -> heldLinks.get(r.device() + ":" + r.port())).filter(java.util.Objects::nonNull).toList();
        if (failed.isEmpty() || !"engaged".equals(last.state())) {
            return last;
        }
        long t0 = System.nanoTime();
        byDevice(failed).forEach((device, links) -> {
            for (LinkResult r : takeDown(device, links, t0)) {
                held.put(r.device() + ":" + r.port(), r);
                journal.append(new JournalRecord(UUID.randomUUID().toString(), last.id(), Instant.now(), "link-retry",
                        "kill-switch", detail("circuit", r.circuitId(), "state", r.state().wire(), "reason",
                        r.reason())));
            }
        });
        last = view(last.id(), last.state(), last.reason(), last.actor(), last.startedAt(), last.finishedAt(),
                last.firstDownMillis(), last.allDownMillis(), last.breakGlass());
        changed.accept(last);
        return last;
    }

    /** Brings every held link back up in stages, verifying each; the switch is released afterwards. */
    public synchronized Engagement release(String requestedBy, String approvedBy) {
        if (held.isEmpty()) {
            return last;
        }
        String id = last.id();
        journal.append(new JournalRecord(UUID.randomUUID().toString(), id, Instant.now(), "release-started",
                approvedBy, detail("requestedBy", requestedBy, "approvedBy", approvedBy, "links", held.size())));
        last = view(id, "releasing", last.reason(), last.actor(), last.startedAt(), last.finishedAt(),
                last.firstDownMillis(), last.allDownMillis(), last.breakGlass());
        List<KillLink> links = new ArrayList<>(heldLinks.values());
        links.sort(java.util.Comparator.comparing(KillLink::key));
        long t0 = System.nanoTime();
        for (int i = 0; i < links.size(); i += settings.releaseBatch()) {
            List<KillLink> stage = links.subList(i, Math.min(links.size(), i + settings.releaseBatch()));
            List<Future<List<LinkResult>>> perDevice = new ArrayList<>();
            byDevice(stage).forEach((device, onDevice) -> perDevice.add(workers.submit(() ->
                    bringUp(device, onDevice, t0))));
            for (Future<List<LinkResult>> f : perDevice) {
                try {
                    for (LinkResult r : f.get(settings.verifyTimeout().toMillis() * 4, TimeUnit.MILLISECONDS)) {
                        held.put(r.device() + ":" + r.port(), r);
                        journal.append(new JournalRecord(UUID.randomUUID().toString(), id, Instant.now(),
                                "link-released", approvedBy, detail("circuit", r.circuitId(), "state",
                                r.state().wire(), "reason", r.reason(), "millis", r.millis())));
                    }
                } catch (Exception e) {
                    log.error("kill switch: a device's release did not finish", e);
                }
            }
            if (i + settings.releaseBatch() < links.size()) {
                sleep(settings.releasePace());
            }
        }
        Instant finished = Instant.now();
        Engagement released = view(id, "released", last.reason(), last.actor(), last.startedAt(), finished,
                last.firstDownMillis(), last.allDownMillis(), last.breakGlass());
        journal.append(new JournalRecord(UUID.randomUUID().toString(), id, finished, "release-finished", approvedBy,
                detail("counts", released.counts())));
        log.warn("KILL SWITCH RELEASED by {} (approved by {}): {}", requestedBy, approvedBy, released.counts());
        last = released;
        scopes.clear();
        heldLinks.clear();
        changed.accept(released);
        held.clear();
        return released;
    }

    private static VenueCall callVenue(String exchange, VenueKill venue, String id, String reason, String actor,
                                       long t0) {
        try {
            venue.kill(exchange, id, reason, actor);
            return new VenueCall(exchange, venue.describe(), true, null, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("kill switch: venue kill for {} failed: {}", exchange, e.getMessage());
            return new VenueCall(exchange, venue.describe(), false, e.getMessage(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private List<LinkResult> takeDown(String device, List<KillLink> links, long t0) {
        List<String> ports = links.stream().map(KillLink::port).toList();
        String address = links.get(0).address();
        String used = null;
        String reason = "INTERNAL";
        String message = channels.isEmpty() ? "no channel is configured (SSH key, SNMP write community)"
                : "every channel failed";
        for (PortChannel channel : channels) {
            try {
                channel.set(device, address, ports, false);
                used = channel.name();
                break;
            } catch (DriverException e) {
                reason = e.reason().name();
                message = channel.name() + ": " + e.getMessage();
                log.warn("kill switch: {} over {} failed ({}), trying the next channel", device, channel.name(),
                        e.reason());
            } catch (RuntimeException e) {
                reason = "INTERNAL";
                message = channel.name() + ": " + e;
                log.warn("kill switch: {} over {} failed: {}", device, channel.name(), e.toString());
            }
        }
        if (used == null) {
            long millis = (System.nanoTime() - t0) / 1_000_000;
            String why = reason;
            String detail = message;
            return links.stream().map(l -> new LinkResult(l.circuitId(), l.exchange(), device, l.port(),
                    LinkState.FAILED, null, why, detail, millis)).toList();
        }
        return verify(device, address, links, false, used, t0);
    }

    private List<LinkResult> bringUp(String device, List<KillLink> links, long t0) {
        List<String> ports = links.stream().map(KillLink::port).toList();
        String address = links.get(0).address();
        for (PortChannel channel : channels) {
            try {
                channel.set(device, address, ports, true);
                return verify(device, address, links, true, channel.name(), t0);
            } catch (RuntimeException e) {
                log.warn("kill switch release: {} over {} failed: {}", device, channel.name(), e.getMessage());
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return links.stream().map(l -> new LinkResult(l.circuitId(), l.exchange(), device, l.port(),
                LinkState.FAILED, null, "UNREACHABLE", "no channel could bring it up", millis)).toList();
    }

    /** Reads the links until each shows the wanted oper state or the verify timeout passes. */
    private List<LinkResult> verify(String device, String address, List<KillLink> links, boolean wantUp,
                                    String channel, long t0) {
        Map<String, Long> reached = new LinkedHashMap<>();
        long deadline = System.nanoTime() + settings.verifyTimeout().toNanos();
        String readFailure = null;
        while (reached.size() < links.size() && System.nanoTime() < deadline) {
            try {
                Map<String, Boolean> up = read(device, address,
                        links.stream().map(KillLink::port).collect(Collectors.toSet()));
                long now = (System.nanoTime() - t0) / 1_000_000;
                up.forEach((port, isUp) -> {
                    if (isUp == wantUp) {
                        reached.putIfAbsent(port, now);
                    }
                });
                readFailure = null;
            } catch (RuntimeException e) {
                readFailure = e.getMessage();
            }
            if (reached.size() < links.size()) {
                sleep(settings.verifyEvery());
            }
        }
        long end = (System.nanoTime() - t0) / 1_000_000;
        List<LinkResult> results = new ArrayList<>();
        for (KillLink l : links) {
            Long at = reached.get(l.port());
            LinkState state = at != null ? (wantUp ? LinkState.UP_VERIFIED : LinkState.DOWN_VERIFIED)
                    : (wantUp ? LinkState.UP_UNVERIFIED : LinkState.DOWN_UNVERIFIED);
            results.add(new LinkResult(l.circuitId(), l.exchange(), device, l.port(), state, channel,
                    at == null ? "VERIFY_TIMEOUT" : null, at == null ? (readFailure != null ? "cannot read: "
                    + readFailure : "not oper-" + (wantUp ? "up" : "down") + " within " + settings.verifyTimeout())
                    : null, at == null ? end : at));
        }
        return results;
    }

    /** Through the first reader that answers. */
    private Map<String, Boolean> read(String device, String address, java.util.Set<String> ports) {
        RuntimeException failure = null;
        for (LinkReader reader : readers) {
            try {
                return reader.operUp(device, address, ports);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        throw failure != null ? failure : new IllegalStateException("no link reader");
    }

    private Engagement view(String id, String state, String reason, String actor, Instant started, Instant finished,
                            Long first, Long all, boolean breakGlass) {
        List<LinkResult> links = new ArrayList<>(held.values());
        links.sort(java.util.Comparator.comparing(LinkResult::device).thenComparing(LinkResult::port));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LinkState s : LinkState.values()) {
            counts.put(s.wire(), 0);
        }
        links.forEach(l -> counts.merge(l.state().wire(), 1, Integer::sum));
        return new Engagement(id, state, List.copyOf(scopes), reason, actor, started, finished, first, all, counts,
                links, breakGlass, venueCalls);
    }

    private static Map<String, List<KillLink>> byDevice(Collection<KillLink> links) {
        Map<String, List<KillLink>> by = new LinkedHashMap<>();
        links.forEach(l -> by.computeIfAbsent(l.device(), d -> new ArrayList<>()).add(l));
        return by;
    }

    private static Map<String, Object> detail(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
        channels.forEach(c -> {
            if (c instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("closing {}: {}", c.name(), e.toString());
                }
            }
        });
    }
}
