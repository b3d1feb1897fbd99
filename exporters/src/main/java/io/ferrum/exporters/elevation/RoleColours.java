package io.ferrum.exporters.elevation;

import io.ferrum.model.dcim.DeviceRole;
import java.util.EnumMap;
import java.util.Map;

/**
 * One fill colour per device role, shared by the SVG and the PDF elevations so a printed build pack and the
 * screen agree. Chosen to stay distinguishable when printed in greyscale (distinct lightness steps).
 */
public final class RoleColours {

    private static final Map<DeviceRole, String> FILL = new EnumMap<>(DeviceRole.class);

    static {
        FILL.put(DeviceRole.SPINE, "#1f4e79");
        FILL.put(DeviceRole.LEAF, "#2e75b6");
        FILL.put(DeviceRole.BORDER, "#7030a0");
        FILL.put(DeviceRole.FIREWALL, "#c00000");
        FILL.put(DeviceRole.MGMT_SWITCH, "#548235");
        FILL.put(DeviceRole.CONSOLE_SERVER, "#a9d18e");
        FILL.put(DeviceRole.SERVER, "#ffd966");
        FILL.put(DeviceRole.PDU, "#7f7f7f");
        FILL.put(DeviceRole.PATCH_PANEL, "#d9d9d9");
        FILL.put(DeviceRole.OTHER, "#f4b183");
    }

    private RoleColours() {
    }

    /** Fill as {@code #rrggbb}. */
    public static String fill(DeviceRole role) {
        return FILL.getOrDefault(role, FILL.get(DeviceRole.OTHER));
    }

    /** Black or white, whichever reads better on the role's fill. */
    public static String text(DeviceRole role) {
        int[] rgb = rgb(role);
        double luminance = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
        return luminance > 140 ? "#000000" : "#ffffff";
    }

    public static int[] rgb(DeviceRole role) {
        String hex = fill(role);
        return new int[] {
            Integer.parseInt(hex.substring(1, 3), 16),
            Integer.parseInt(hex.substring(3, 5), 16),
            Integer.parseInt(hex.substring(5, 7), 16)
        };
    }
}
