package io.ferrum.model.dcim;

import java.util.List;

/** What a caller asks a site to be. Null status means planned, null timezone UTC. */
public record SiteDraft(String code, String name, String address, String timezone, SiteStatus status,
                        List<String> tags) {
}
