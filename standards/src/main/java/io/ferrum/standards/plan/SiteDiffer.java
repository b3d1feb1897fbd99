package io.ferrum.standards.plan;

import io.ferrum.model.common.IntentEntity;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.dcim.Site;
import io.ferrum.model.dcim.SiteRepository;
import io.ferrum.standards.desired.DesiredSite;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Compares a standard's design with the stored intent of its site, one keyed diff per kind (see
 * {@link KindPlanner}). Objects the standard owns carry the ownership tag (or, for IPAM allocations, a key under
 * {@code <site>/}); owned objects missing from the design are deleted, objects without the mark are hand-made and
 * left alone. Lifecycle fields that operations move on (device, cable and connection status, the site's status)
 * are set on create and never reverted by a re-plan.
 */
@Component
class SiteDiffer {

    private final SiteRepository sites;
    private final DeviceRepository devices;
    private final KindPlanners kinds;

    SiteDiffer(SiteRepository sites, DeviceRepository devices, KindPlanners kinds) {
        this.sites = sites;
        this.devices = devices;
        this.kinds = kinds;
    }

    SiteDiff diff(DesiredSite desired, PlanOptions options) {
        Site site = sites.findByCode(desired.site().code()).orElse(null);
        PlanScope scope = new PlanScope(desired, site, options, () -> devices.findInSiteFetched(site));
        SiteDiff diff = new SiteDiff(desired);
        kinds.inOrder().forEach(kind -> diffKind(kind, scope, diff));
        return diff;
    }

    private static <D, S extends IntentEntity> void diffKind(KindPlanner<D, S> kind, PlanScope scope, SiteDiff diff) {
        KindWork<D> work = diff.work(kind);
        List<D> designed = kind.designed(scope.desired());
        Map<String, S> stored = kind.stored(scope, designed, work);
        Set<String> wanted = new HashSet<>();
        for (D design : designed) {
            String key = kind.key(design);
            wanted.add(key);
            if (work.skips(key)) {
                continue;
            }
            S existing = stored.get(key);
            if (existing == null) {
                work.create(design, key, kind.created(design));
            } else {
                kind.compare(design, existing, key, work, scope);
            }
        }
        stored.forEach((key, existing) -> {
            if (!wanted.contains(key) && kind.deletes(existing, scope)) {
                kind.delete(existing, key, work, scope);
            }
        });
    }
}
