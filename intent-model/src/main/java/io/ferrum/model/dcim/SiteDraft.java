package io.ferrum.model.dcim;

import java.util.List;

/** What a caller asks a site to be. Null status means planned, null timezone UTC. */
public record SiteDraft(String code, String name, String address, String timezone, SiteStatus status,
                        List<String> tags) {

    /** The draft as the model stores it: planned and UTC when not said. Planner and service share these defaults. */
    public SiteDraft normalized() {
        return new SiteDraft(code, name, address, timezone == null ? "UTC" : timezone,
                status == null ? SiteStatus.PLANNED : status, tags == null ? List.of() : tags);
    }

    /** The same design with another lifecycle status: a plan keeps the status operations moved the site to. */
    public SiteDraft withStatus(SiteStatus newStatus) {
        return new SiteDraft(code, name, address, timezone, newStatus, tags);
    }
}
