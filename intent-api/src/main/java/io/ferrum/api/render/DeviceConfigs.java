package io.ferrum.api.render;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.dcim.SiteRepository;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import io.ferrum.model.inventory.SiteInventoryLoader;
import io.ferrum.standards.render.ConfigRenderer;
import io.ferrum.standards.render.ConfigTemplates;
import io.ferrum.standards.render.RenderTarget;
import io.ferrum.standards.render.RenderedConfig;
import io.ferrum.standards.spi.Standard;
import io.ferrum.standards.spi.StandardRegistry;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Desired device configs: each device's config rendered from its site's intent with the templates of the standard
 * that designed the site (recorded on the site as {@code ferrum:standard:<id>}), so a standard version bump brings
 * its own templates.
 */
@Service
@Transactional(readOnly = true)
public class DeviceConfigs {

    private final DeviceRepository devices;
    private final SiteRepository sites;
    private final SiteInventoryLoader inventories;
    private final StandardRegistry standards;

    public DeviceConfigs(DeviceRepository devices, SiteRepository sites, SiteInventoryLoader inventories,
                         StandardRegistry standards) {
        this.devices = devices;
        this.sites = sites;
        this.inventories = inventories;
        this.standards = standards;
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
        SiteInventory inventory = inventories.load(siteCode);
        ConfigRenderer renderer = renderer(siteCode, sites.findByCode(siteCode).orElseThrow().getTags());
        return renderer.renderAll(inventory, target);
    }

    private RenderedConfig render(Device device, RenderTarget target) {
        String site = device.getSite().getCode();
        SiteInventory inventory = inventories.load(site);
        DeviceInfo info = inventory.device(device.getHostname()).orElseThrow();
        return renderer(site, device.getSite().getTags()).render(inventory, info, target);
    }

    private ConfigRenderer renderer(String site, java.util.Collection<String> siteTags) {
        String id = Standard.fromSiteTags(siteTags).orElseThrow(() -> IntentException.conflict("site",
                "site " + site + " was not designed by a standard (no ferrum:standard:<id> tag), so there are no "
                        + "templates to render its configs with; apply its definition with ferrum apply first"));
        Standard standard = standards.find(id);
        return new ConfigRenderer(new ConfigTemplates(standard.name(), standard.version(),
                standard.getClass().getClassLoader()));
    }
}
