package io.ferrum.standards.builtin;

import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.standards.definition.SiteDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where things go in a rack and how many servers a rack can take. Switches sit at the top (management switch in the
 * top unit, then leaf02, leaf01 and, from v2, the console server below them) so that servers stack up from U1 and
 * adding servers never moves a switch.
 */
final class RackLayout {

    static final int LEAFS_PER_RACK = 2;
    static final int BORDERS = 2;

    /** How many servers fit, and which resource runs out first. */
    record Capacity(int maxServers, String limitedBy, String detail) {
    }

    private final ColoPodRules rules;

    RackLayout(ColoPodRules rules) {
        this.rules = rules;
    }

    /** Short names of the switches (and console server) in every server rack, as used in {@code switchSerials}. */
    List<String> rackNetworkDevices() {
        List<String> names = new ArrayList<>(List.of("leaf01", "leaf02", "mgmt01"));
        if (rules.consoleServerPerRack()) {
            names.add("console01");
        }
        return names;
    }

    /** Short names of the network rack's devices, as used in {@code network.serials}. */
    List<String> networkRackDevices() {
        return List.of("border01", "border02", "console01", "mgmt01");
    }

    List<String> borderNames() {
        return List.of("border01", "border02");
    }

    int leafPosition(int leaf, int rackHeightU) {
        return rackHeightU - 3 + leaf;
    }

    int mgmtPosition(int rackHeightU) {
        return rackHeightU;
    }

    int consolePosition(int rackHeightU) {
        return rackHeightU - 3;
    }

    /** Server {@code index} (0-based) sits on top of the previous one, from U1 up. */
    int serverPosition(int index, DeviceTypeDraft server) {
        return 1 + index * server.uHeight();
    }

    int borderPosition(int border) {
        return 1 + (border - 1) * ColoPodCatalogue.BORDER.uHeight();
    }

    int networkConsolePosition(int rackHeightU) {
        return rackHeightU - 1;
    }

    /** Management switch ports left for server BMCs once the rack's own network devices have theirs. */
    int mgmtPortsForServers() {
        return ColoPodCatalogue.MGMT_ACCESS_PORTS - rackInfrastructure().size() + 1;
    }

    int infrastructureHeightU() {
        return rackInfrastructure().stream().mapToInt(DeviceTypeDraft::uHeight).sum();
    }

    int infrastructurePowerW() {
        return rackInfrastructure().stream().mapToInt(DeviceTypeDraft::maxPowerW).sum();
    }

    int networkRackHeightU() {
        return BORDERS * ColoPodCatalogue.BORDER.uHeight() + 2;
    }

    int networkRackPowerW() {
        return BORDERS * ColoPodCatalogue.BORDER.maxPowerW() + ColoPodCatalogue.MGMT_SWITCH.maxPowerW()
                + ColoPodCatalogue.CONSOLE_SERVER.maxPowerW();
    }

    /** The most servers of {@code server}'s model a rack of {@code profile} holds: the least of four limits. */
    Capacity capacity(SiteDefinition.RackProfile profile, DeviceTypeDraft server) {
        List<Capacity> limits = List.of(
                new Capacity(Math.max(0, (profile.powerBudgetW() - infrastructurePowerW()) / server.maxPowerW()),
                        "power", profile.powerBudgetW() + " W budget, switches take " + infrastructurePowerW()
                        + " W, each " + server.slug() + " up to " + server.maxPowerW() + " W"),
                new Capacity(Math.max(0, (profile.heightU() - infrastructureHeightU()) / server.uHeight()),
                        "height", profile.heightU() + "U rack, switches take " + infrastructureHeightU()
                        + "U, each " + server.slug() + " " + server.uHeight() + "U"),
                new Capacity(ColoPodCatalogue.LEAF_SERVER_PORTS, "leaf ports",
                        ColoPodCatalogue.LEAF_SERVER_PORTS + " server ports per leaf"),
                new Capacity(mgmtPortsForServers(), "management switch ports",
                        mgmtPortsForServers() + " BMC ports on the management switch"));
        return limits.stream().min(Comparator.comparingInt(Capacity::maxServers)).orElseThrow();
    }

    private List<DeviceTypeDraft> rackInfrastructure() {
        List<DeviceTypeDraft> devices = new ArrayList<>(List.of(ColoPodCatalogue.LEAF, ColoPodCatalogue.LEAF,
                ColoPodCatalogue.MGMT_SWITCH));
        if (rules.consoleServerPerRack()) {
            devices.add(ColoPodCatalogue.CONSOLE_SERVER);
        }
        return devices;
    }
}
