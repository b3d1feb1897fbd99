package io.ferrum.api;

import io.ferrum.standards.fixtures.FreshSites;

/** The repository's small example under a fresh site code and address space, so tests sharing a database do not collide. */
final class SiteDefinitions {

    private SiteDefinitions() {
    }

    static String example(String name) {
        return FreshSites.example(name);
    }

    /** Returns {code, definition}: the standards' shared fresh-site fixture, so both modules rename one way. */
    static String[] freshSmallSite() {
        FreshSites.FreshSite site = FreshSites.freshSmallSite("colo-pod@1");
        return new String[] {site.code(), site.definition()};
    }
}
