package io.ferrum.standards.spi;

import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.standards.definition.SiteDefinition;
import io.ferrum.standards.desired.DesiredSite;
import java.util.List;

/** A team's own standard, registered through META-INF/services in the test class path: only the site itself. */
public class TinyStandard implements Standard {

    @Override
    public String name() {
        return "tiny";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public String description() {
        return "just the site";
    }

    @Override
    public DesiredSite design(SiteDefinition definition) {
        SiteDraft site = new SiteDraft(definition.site().code(), definition.site().name(), null, null, null,
                List.of(OWNERSHIP_TAG));
        return new DesiredSite(id(), site, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
