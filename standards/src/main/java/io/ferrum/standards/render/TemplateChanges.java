package io.ferrum.standards.render;

import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which devices' rendered configs differ between two standards' templates over the same intent: what a standard
 * version bump does to configs by itself, before any intent change the plan lists.
 */
public final class TemplateChanges {

    private TemplateChanges() {
    }

    /** Hostnames, in inventory order, whose shell or NETCONF config differs (or renders on one side only). */
    public static List<String> between(SiteInventory inventory, ConfigRenderer before, ConfigRenderer after) {
        DeviceContext contexts = new DeviceContext(inventory);
        List<String> changed = new ArrayList<>();
        for (DeviceInfo device : inventory.devices()) {
            for (RenderTarget target : RenderTarget.values()) {
                if (!Objects.equals(text(before, contexts, device, target), text(after, contexts, device, target))) {
                    changed.add(device.hostname());
                    break;
                }
            }
        }
        return changed;
    }

    /** The config, or the error's message: an error on one side only is a change, the same error on both is not. */
    private static String text(ConfigRenderer renderer, DeviceContext contexts, DeviceInfo device, RenderTarget target) {
        try {
            return renderer.render(contexts, device, target).text();
        } catch (TemplateRenderException e) {
            return "error: " + e.getMessage().replace(renderer.standard(), "<standard>");
        }
    }
}
