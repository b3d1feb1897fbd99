package io.ferrum.model.dcim;

import java.util.List;

/** A hardware model; the manufacturer is named and created on first use. */
public record DeviceTypeDraft(String slug, String manufacturer, String model, Integer uHeight, Boolean fullDepth,
                              Integer typicalPowerW, Integer maxPowerW, List<PortTemplate> portTemplates) {
}
