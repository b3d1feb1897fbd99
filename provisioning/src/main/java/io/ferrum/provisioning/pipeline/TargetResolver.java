package io.ferrum.provisioning.pipeline;

import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import io.ferrum.model.inventory.SiteInventoryLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a run's target into the devices it touches, from intent, refusing a target that names nothing. */
public class TargetResolver {

    private final SiteInventoryLoader inventories;
    private final DeviceRepository devices;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;

    public TargetResolver(SiteInventoryLoader inventories, DeviceRepository devices,
                          org.springframework.transaction.PlatformTransactionManager transactions) {
        this.inventories = inventories;
        this.devices = devices;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
    }

    /** One read-only transaction: devices named by hostname are looked up with their sites. */
    public List<DeviceTarget> resolve(RunTarget target) {
        return resolve(target, RunKind.CONFIG);
    }

    /**
     * The devices a run of {@code kind} touches: servers (reached through their BMC address) for os-install, every
     * other managed device for config and firmware.
     */
    public List<DeviceTarget> resolve(RunTarget target, RunKind kind) {
        return readOnly.execute(tx -> resolveIn(target, kind == RunKind.OS_INSTALL));
    }

    private List<DeviceTarget> resolveIn(RunTarget target, boolean servers) {
        List<DeviceTarget> found = new ArrayList<>();
        if (!target.devices().isEmpty()) {
            Map<String, List<String>> bySite = new LinkedHashMap<>();
            var known = devices.findByHostnameIn(target.devices());
            for (int i = 0; i < target.devices().size(); i++) {
                String hostname = target.devices().get(i);
                var device = known.stream().filter(d -> d.getHostname().equals(hostname)).findFirst()
                        .orElseThrow(() -> new PipelineException("target.devices", "no device named '" + hostname
                                + "'"));
                bySite.computeIfAbsent(device.getSite().getCode(), s -> new ArrayList<>()).add(hostname);
            }
            for (Map.Entry<String, List<String>> site : bySite.entrySet()) {
                SiteInventory inventory = inventories.load(site.getKey());
                for (String hostname : site.getValue()) {
                    DeviceInfo device = inventory.device(hostname).orElseThrow();
                    if ((device.role() == DeviceRole.SERVER) != servers) {
                        throw new PipelineException("target.devices", hostname + " is " + (servers
                                ? "not a server; an os-install run installs servers" : "a server; its OS is the "
                                + "os-install kind's"));
                    }
                    found.add(target(device));
                }
            }
        } else {
            SiteInventory inventory;
            try {
                inventory = inventories.load(target.site());
            } catch (io.ferrum.model.common.IntentException e) {
                throw new PipelineException("target.site", "no site '" + target.site() + "'");
            }
            for (DeviceInfo device : inventory.devices()) {
                if ((device.role() == DeviceRole.SERVER) != servers || device.primaryIp() == null) {
                    continue;
                }
                if (target.role() != null && !target.role().equals(device.role().wire())) {
                    continue;
                }
                if (target.rack() != null && !target.rack().equals(device.rack())) {
                    continue;
                }
                if (target.tag() != null && !device.tags().contains(target.tag())) {
                    continue;
                }
                found.add(target(device));
            }
        }
        if (found.isEmpty()) {
            throw new PipelineException("target", (servers
                    ? "the target names no server with a BMC address" : "the target names no device with a "
                    + "management address"));
        }
        for (DeviceTarget device : found) {
            if (device.address() == null) {
                throw new PipelineException("target.devices", device.hostname() + " has no management address in "
                        + "intent, so a run cannot reach it");
            }
        }
        return found;
    }

    private static DeviceTarget target(DeviceInfo device) {
        return new DeviceTarget(device.hostname(), device.primaryIp(), device.role().wire(), device.rack());
    }
}
