package io.ferrum.api.observed;

import io.ferrum.assurance.audit.DeviceComparison;
import io.ferrum.assurance.collect.PollHealth;
import io.ferrum.assurance.collect.PollHealthStore;
import io.ferrum.assurance.collect.SiteIntents;
import io.ferrum.assurance.observe.DeviceObservation;
import io.ferrum.assurance.observe.InterfaceObservation;
import io.ferrum.assurance.observe.NeighbourObservation;
import io.ferrum.assurance.observe.ObservationSnapshots;
import io.ferrum.assurance.observe.ObservedSnapshot;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.dcim.SiteRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the collector last saw of a device, how old that picture is and how polling the device goes; and poll health
 * for a whole site, for ops. Readable by every role; the running config is shown by its hash and size only (the
 * config itself is for network engineers, at {@code /devices/{id}/config} and in config drift's diff).
 */
@RestController
class ObservedController {

    private final DeviceRepository devices;
    private final SiteRepository sites;
    private final ObservationSnapshots snapshots;
    private final PollHealthStore health;
    private final ObjectProvider<SiteIntents> intents;

    ObservedController(DeviceRepository devices, SiteRepository sites, ObservationSnapshots snapshots,
                       PollHealthStore health, ObjectProvider<SiteIntents> intents) {
        this.devices = devices;
        this.sites = sites;
        this.snapshots = snapshots;
        this.health = health;
        this.intents = intents;
    }

    /**
     * @param since    when the device first looked like this (the snapshot began)
     * @param lastSeen the latest poll that saw exactly this
     * @param ageSeconds seconds since {@code lastSeen}
     */
    record Observed(String device, String site, Instant since, Instant lastSeen, long ageSeconds,
                    ObservationView observation, PollHealth health) {
    }

    /** The observation as shown: the running config by hash and line count. */
    record ObservationView(String failure, String sysName, String serial, String firmwareVersion,
                           String runningConfigSha256, Integer runningConfigLines,
                           List<InterfaceObservation> interfaces, List<NeighbourObservation> neighbours) {

        static ObservationView of(DeviceObservation o) {
            String config = o.runningConfig();
            return new ObservationView(o.failure() == null ? null : o.failure().name(), o.sysName(), o.serial(),
                    o.firmwareVersion(), config == null ? null : sha256(config),
                    config == null ? null : (int) config.lines().count(), o.interfaces(), o.neighbours());
        }
    }

    @GetMapping("/api/v1/devices/{id}/observed")
    @Transactional(readOnly = true)
    Observed observed(@PathVariable long id) {
        Device device = devices.findById(id).orElseThrow(() -> IntentException.notFound("id",
                "no device with id " + id));
        ObservedSnapshot latest = snapshots.latest(device.getHostname()).orElseThrow(() ->
                IntentException.notFound("id", "device " + device.getHostname() + " has not been observed yet "
                        + "(is the collector on, and does the device have a management address?)"));
        return new Observed(device.getHostname(), latest.site(), latest.firstSeen(), latest.lastSeen(),
                Math.max(0, Duration.between(latest.lastSeen(), Instant.now()).toSeconds()),
                ObservationView.of(latest.observation()), health.get(device.getHostname()).orElse(null));
    }

    /** Intent and the latest observation side by side, per device fact and per port, with the drift on each row. */
    record Comparison(String device, String site, Instant observedAt, long ageSeconds, DeviceComparison comparison) {
    }

    @GetMapping("/api/v1/devices/{id}/comparison")
    @Transactional(readOnly = true)
    Comparison comparison(@PathVariable long id) {
        Device device = devices.findById(id).orElseThrow(() -> IntentException.notFound("id",
                "no device with id " + id));
        String site = device.getSite().getCode();
        ObservedSnapshot latest = snapshots.latest(device.getHostname()).orElseThrow(() ->
                IntentException.notFound("id", "device " + device.getHostname() + " has not been observed yet "
                        + "(is the collector on, and does the device have a management address?)"));
        // the collector keeps each polled site's audit intent current; a node without it, or a site it does not
        // poll, has none to compare with
        SiteIntents audited = intents.getIfAvailable();
        if (audited == null) {
            throw IntentException.notFound("id", "the collector is off on this node "
                    + "(ferrum.assurance.collector.enabled): it holds no audit intent to compare with");
        }
        DeviceComparison comparison = audited.intent(site)
                .flatMap(intent -> DeviceComparison.of(intent, latest.observation()))
                .orElseThrow(() -> IntentException.notFound("id", "the collector on this node does not audit site "
                        + site + " (ferrum.assurance.collector.sites)"));
        return new Comparison(device.getHostname(), site, latest.lastSeen(),
                Math.max(0, Duration.between(latest.lastSeen(), Instant.now()).toSeconds()), comparison);
    }

    @GetMapping("/api/v1/poll-health")
    @Transactional(readOnly = true)
    List<PollHealth> pollHealth(@RequestParam(required = false) String site) {
        if (site != null && sites.findByCode(site).isEmpty()) {
            throw IntentException.notFound("site", "no site with code '" + site + "'");
        }
        return health.find(site);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
