package io.ferrum.standards.builtin;

/**
 * What differs between versions of the colo-pod standard; everything else is shared code, so a new version is a
 * small, reviewable delta.
 *
 * @param consoleServerPerRack whether each server rack gets its own console server cabled to its switches (v2);
 *                             otherwise only the network rack has one
 */
record ColoPodRules(int version, String description, boolean consoleServerPerRack, CableColours colours) {

    static ColoPodRules v1() {
        return new ColoPodRules(1, "Exchange colocation pod: two leafs per rack, dual-homed servers, two border "
                + "routers, one console server in the network rack",
                false, new CableColours("blue", "red", "aqua", "green", "grey", "purple", "black"));
    }

    /** v2: a console server in every rack, and server B-side cables orange because red now means power only. */
    static ColoPodRules v2() {
        ColoPodRules v1 = v1();
        CableColours c = v1.colours();
        return new ColoPodRules(2, "Exchange colocation pod v2: as v1, plus a console server per rack and orange "
                + "B-side server cables",
                true, new CableColours(c.serverA(), "orange", c.fabric(), c.bmc(), c.mgmt(), c.mgmtUplink(),
                        c.console()));
    }
}
