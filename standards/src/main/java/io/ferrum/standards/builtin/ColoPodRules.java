package io.ferrum.standards.builtin;

import io.ferrum.standards.desired.DesiredSite;
import java.util.Map;

import io.ferrum.model.dcim.PortNamePattern;
import java.util.ArrayList;
import java.util.List;

/**
 * What differs between versions of the colo-pod standard; everything else is shared code, so a new version is a
 * small, reviewable delta.
 *
 * @param consoleServerPerRack whether each server rack gets its own console server cabled to its switches (v2);
 *                             otherwise only the network rack has one
 * @param borderFabricPatterns  border ports for leaf links, taken in order (rack 1 leaf 1 first)
 * @param borderExternalPatterns border ports definitions may use for WAN uplinks and exchange hand-offs
 * @param platforms             the software platform of each manufacturer's devices (v4); a manufacturer not named
 *                              gets no platform
 */
record ColoPodRules(int version, String description, boolean consoleServerPerRack, CableColours colours,
                    List<String> borderFabricPatterns, List<String> borderExternalPatterns,
                    Map<String, DesiredSite.PlatformSpec> platforms) {

    /** The platform a device of this manufacturer runs, or null. */
    DesiredSite.PlatformSpec platformOf(String manufacturer) {
        return platforms.get(manufacturer);
    }

    List<String> borderFabricPorts() {
        return expand(borderFabricPatterns);
    }

    List<String> borderExternalPorts() {
        return expand(borderExternalPatterns);
    }

    private static List<String> expand(List<String> patterns) {
        List<String> ports = new ArrayList<>();
        patterns.forEach(p -> ports.addAll(PortNamePattern.expand(p)));
        return List.copyOf(ports);
    }

    static ColoPodRules v1() {
        return new ColoPodRules(1, "Exchange colocation pod: two leafs per rack, dual-homed servers, two border "
                + "routers, one console server in the network rack",
                false, new CableColours("blue", "red", "aqua", "green", "grey", "purple", "black"),
                List.of("Ethernet[1-3]/[1-36]"), List.of("Ethernet4/[1-47]"), Map.of());
    }

    /** v2: a console server in every rack, and server B-side cables orange because red now means power only. */
    static ColoPodRules v2() {
        ColoPodRules v1 = v1();
        CableColours c = v1.colours();
        return new ColoPodRules(2, "Exchange colocation pod v2: as v1, plus a console server per rack and orange "
                + "B-side server cables",
                true, new CableColours(c.serverA(), "orange", c.fabric(), c.bmc(), c.mgmt(), c.mgmtUplink(),
                        c.console()),
                v1.borderFabricPatterns(), v1.borderExternalPatterns(), Map.of());
    }

    /**
     * v3: v2 with the border's third line card moved from the fabric to external ports, for sites with many
     * exchange hand-offs (83 per border instead of 47); the fabric keeps line cards 1 and 2, 36 racks.
     */
    static ColoPodRules v3() {
        ColoPodRules v2 = v2();
        return new ColoPodRules(3, "Exchange colocation pod v3: as v2, with the borders' third line card for "
                + "exchange hand-offs and uplinks instead of leaf links (36 racks, 83 external ports per border)",
                true, v2.colours(), List.of("Ethernet[1-2]/[1-36]"), List.of("Ethernet3/[1-36]", "Ethernet4/[1-47]"), Map.of());
    }

    /**
     * v4: v3 with each network device's software platform (Arista: {@code eos}, Opengear: {@code opengear}), so
     * desired firmware can be set per platform and templates can differ by platform. Servers get theirs from the
     * OS they are installed with.
     */
    static ColoPodRules v4() {
        ColoPodRules v3 = v3();
        return new ColoPodRules(4, "Exchange colocation pod v4: as v3, with each network device's software "
                + "platform (eos, opengear) for per-platform firmware and templates",
                true, v3.colours(), v3.borderFabricPatterns(), v3.borderExternalPatterns(),
                Map.of("Arista", new DesiredSite.PlatformSpec("eos", "eos"),
                        "Opengear", new DesiredSite.PlatformSpec("opengear", "linux")));
    }
}
