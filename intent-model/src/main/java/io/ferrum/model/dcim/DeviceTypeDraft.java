package io.ferrum.model.dcim;

import java.util.List;

/** A hardware model; the manufacturer is named and created on first use. */
public record DeviceTypeDraft(String slug, String manufacturer, String model, Integer uHeight, Boolean fullDepth,
                              Integer typicalPowerW, Integer maxPowerW, List<PortTemplate> portTemplates) {

    /** The draft as the model stores it: full depth, no power draw and no ports unless said. Shared with the planner. */
    public DeviceTypeDraft normalized() {
        int typical = typicalPowerW == null ? 0 : typicalPowerW;
        return new DeviceTypeDraft(slug, manufacturer, model, uHeight, fullDepth == null || fullDepth, typical,
                maxPowerW == null ? typical : maxPowerW, portTemplates == null ? List.of() : portTemplates);
    }
}
