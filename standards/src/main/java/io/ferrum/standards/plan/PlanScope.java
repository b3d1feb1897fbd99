package io.ferrum.standards.plan;

import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.Site;
import io.ferrum.standards.desired.DesiredSite;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every kind's diff of one site may read: the design, the stored site (null when new), the plan options, the
 * site's devices (read once, for the kinds that need them), and what earlier kinds decided for later ones.
 */
final class PlanScope {

    private final DesiredSite desired;
    private final Site site;
    private final PlanOptions options;
    private final Supplier<List<Device>> deviceLoader;
    private List<Device> devices;
    private Map<String, Long> primaryAddressIds;
    /** Hostnames of devices this plan deletes or replaces: their cables go or are re-made too. */
    final Set<String> removedDevices = new HashSet<>();

    PlanScope(DesiredSite desired, Site site, PlanOptions options, Supplier<List<Device>> deviceLoader) {
        this.desired = desired;
        this.site = site;
        this.options = options;
        this.deviceLoader = deviceLoader;
    }

    DesiredSite desired() {
        return desired;
    }

    String code() {
        return desired.site().code();
    }

    /** The stored site, or null when the plan creates it. */
    Site site() {
        return site;
    }

    PlanOptions options() {
        return options;
    }

    List<Device> devices() {
        if (devices == null) {
            devices = site == null ? List.of() : deviceLoader.get();
        }
        return devices;
    }

    /** Each stored device's primary (management) address id, by hostname. */
    Map<String, Long> primaryAddressIds() {
        if (primaryAddressIds == null) {
            primaryAddressIds = new HashMap<>();
            devices().forEach(d -> primaryAddressIds.put(d.getHostname(), d.getPrimaryIpId()));
        }
        return primaryAddressIds;
    }
}
