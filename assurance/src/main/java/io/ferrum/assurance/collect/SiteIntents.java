package io.ferrum.assurance.collect;

import io.ferrum.assurance.audit.AuditIntent;
import io.ferrum.assurance.audit.DesiredDeviceState;
import io.ferrum.model.changelog.ChangeLogQuery;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.PortInfo;
import io.ferrum.model.inventory.SiteInventory;
import io.ferrum.model.inventory.SiteInventoryLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each site's intent as the collector needs it: the {@link AuditIntent} (indexed once per intent revision and shared
 * by every poll) and the devices to poll. {@link #refresh()} reloads the sites when the intent's revision moved and
 * says which sites really changed, so only their devices are re-audited.
 *
 * <p>Polled: network devices with a management address that are not decommissioned (servers are not polled, as
 * pipelines do not configure them).
 */
public class SiteIntents {

    /** One site, valid for one revision of its intent. */
    private record Site(SiteInventory inventory, AuditIntent intent, List<PollTarget> targets) {
    }

    private final JdbcTemplate jdbc;
    private final SiteInventoryLoader inventories;
    private final ChangeLogQuery changeLog;
    private final RenderedConfigs rendered;
    private final CollectorProperties properties;
    private final Map<String, Site> sites = new ConcurrentHashMap<>();
    private volatile long revision = -1;

    public SiteIntents(JdbcTemplate jdbc, SiteInventoryLoader inventories, ChangeLogQuery changeLog,
                       RenderedConfigs rendered, CollectorProperties properties) {
        this.jdbc = jdbc;
        this.inventories = inventories;
        this.changeLog = changeLog;
        this.rendered = rendered;
        this.properties = properties;
    }

    /** Whether the intent changed since the last {@link #refresh()} (any node's write counts). */
    public boolean stale() {
        return changeLog.revision() != revision;
    }

    /** Reloads every site if the intent's revision moved; returns the codes of sites whose intent changed. */
    public synchronized Set<String> refresh() {
        // read before loading: a write committed in between makes this look older than it is, so it reloads again
        long now = changeLog.revision();
        if (now == revision) {
            return Set.of();
        }
        Set<String> changed = new HashSet<>();
        List<String> codes = jdbc.queryForList("SELECT code FROM site ORDER BY code", String.class).stream()
                .filter(properties::polls).toList();
        for (String code : codes) {
            SiteInventory inventory = inventories.load(code);
            Site cached = sites.get(code);
            if (cached != null && cached.inventory().equals(inventory)) {
                continue;
            }
            sites.put(code, index(inventory));
            changed.add(code);
        }
        for (String gone : new ArrayList<>(sites.keySet())) {
            if (!codes.contains(gone)) {
                sites.remove(gone);
                changed.add(gone);
            }
        }
        revision = now;
        return changed;
    }

    public Optional<AuditIntent> intent(String site) {
        return Optional.ofNullable(sites.get(site)).map(Site::intent);
    }

    public List<PollTarget> targets(String site) {
        Site s = sites.get(site);
        return s == null ? List.of() : s.targets();
    }

    public List<PollTarget> targets() {
        return sites.values().stream().flatMap(s -> s.targets().stream()).toList();
    }

    private Site index(SiteInventory inventory) {
        String code = inventory.site().code();
        Map<String, String> configs = rendered.forSite(code);
        Map<String, DesiredDeviceState> desired = new HashMap<>();
        List<PollTarget> targets = new ArrayList<>();
        for (DeviceInfo device : inventory.devices()) {
            // a null desired firmware is "no version pinned": the firmware check is skipped for that device
            desired.put(device.hostname(), new DesiredDeviceState(configs.get(device.hostname()),
                    device.desiredFirmware()));
            if (device.role() != DeviceRole.SERVER && device.primaryIp() != null
                    && device.status() != DeviceStatus.DECOMMISSIONED) {
                targets.add(new PollTarget(code, device.hostname(), device.role().wire(), device.primaryIp(),
                        device.ports().stream().map(PortInfo::name).collect(Collectors.toSet()),
                        properties.intervalFor(code, device.role().wire())));
            }
        }
        return new Site(inventory, AuditIntent.of(inventory, desired), List.copyOf(targets));
    }
}
