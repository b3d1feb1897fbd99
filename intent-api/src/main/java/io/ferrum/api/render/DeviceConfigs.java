package io.ferrum.api.render;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.dcim.SiteRepository;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import io.ferrum.model.inventory.SiteInventoryLoader;
import io.ferrum.standards.render.ConfigRenderer;
import io.ferrum.standards.render.RenderTarget;
import io.ferrum.standards.render.RenderedConfig;
import io.ferrum.standards.spi.Standard;
import io.ferrum.standards.spi.StandardRegistry;
import io.ferrum.model.changelog.ChangeLogQuery;
import io.ferrum.standards.render.DeviceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Desired device configs: each device's config rendered from its site's intent with the templates of the standard
 * that designed the site (recorded on the site as {@code ferrum:standard:<id>}), so a standard version bump brings
 * its own templates. A pipeline renders one device per task, so each site's inventory, index and renderer are kept
 * while the intent's revision (the newest change-log id: every write logs) stays the same; any write reloads them.
 */
@Service
@Transactional(readOnly = true)
public class DeviceConfigs {

    private final DeviceRepository devices;
    private final SiteRepository sites;
    private final SiteInventoryLoader inventories;
    private final StandardRegistry standards;
    private final ChangeLogQuery changeLog;
    private final Map<String, IndexedSite> bySite = new ConcurrentHashMap<>();

    /** A site as rendering needs it, valid for one revision of the intent. */
    private record IndexedSite(long revision, SiteInventory inventory, DeviceContext contexts, ConfigRenderer renderer) {
    }

    public DeviceConfigs(DeviceRepository devices, SiteRepository sites, SiteInventoryLoader inventories,
                         StandardRegistry standards, ChangeLogQuery changeLog) {
        this.devices = devices;
        this.sites = sites;
        this.inventories = inventories;
        this.standards = standards;
        this.changeLog = changeLog;
    }

    public RenderedConfig render(long deviceId, RenderTarget target) {
        Device device = devices.findById(deviceId)
                .orElseThrow(() -> IntentException.notFound("id", "no device with id " + deviceId));
        return render(device, target);
    }

    public RenderedConfig render(String hostname, RenderTarget target) {
        Device device = devices.findByHostname(hostname)
                .orElseThrow(() -> IntentException.notFound("device", "no device named '" + hostname + "'"));
        return render(device, target);
    }

    /** Every device of a site that its standard has a template for, in inventory order. */
    public List<RenderedConfig> renderSite(String siteCode, RenderTarget target) {
        IndexedSite site = indexed(siteCode);
        return site.inventory().devices().stream().map(d -> site.renderer().render(site.contexts(), d, target))
                .toList();
    }

    private RenderedConfig render(Device device, RenderTarget target) {
        IndexedSite site = indexed(device.getSite().getCode());
        DeviceInfo info = site.inventory().device(device.getHostname()).orElseThrow();
        return site.renderer().render(site.contexts(), info, target);
    }

    private IndexedSite indexed(String siteCode) {
        // read before loading: a write committed in between makes the entry look older than it is, so it reloads
        long revision = changeLog.revision();
        IndexedSite cached = bySite.get(siteCode);
        if (cached != null && cached.revision() == revision) {
            return cached;
        }
        SiteInventory inventory = inventories.load(siteCode);
        IndexedSite fresh = new IndexedSite(revision, inventory, new DeviceContext(inventory),
                renderer(siteCode, sites.findByCode(siteCode).orElseThrow().getTags()));
        bySite.put(siteCode, fresh);
        return fresh;
    }

    private ConfigRenderer renderer(String site, java.util.Collection<String> siteTags) {
        String id = Standard.fromSiteTags(siteTags).orElseThrow(() -> IntentException.conflict("site",
                "site " + site + " was not designed by a standard (no ferrum:standard:<id> tag), so there are no "
                        + "templates to render its configs with; apply its definition with ferrum apply first"));
        return ConfigRenderer.of(standards.find(id));
    }
}
