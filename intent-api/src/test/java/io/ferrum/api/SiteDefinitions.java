package io.ferrum.api;

import io.ferrum.standards.fixtures.SmallSites;

/** Site definitions for the API's tests, from the fixture the planner's tests share. */
final class SiteDefinitions {

    private SiteDefinitions() {
    }

    static String example(String name) {
        return SmallSites.example(name);
    }

    /** Returns {code, definition}: the small example under a fresh site code and address space. */
    static String[] freshSmallSite() {
        SmallSites.SmallSite site = SmallSites.fresh("api");
        return new String[] {site.code(), site.definition()};
    }
}
