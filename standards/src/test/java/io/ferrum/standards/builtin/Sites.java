package io.ferrum.standards.builtin;

import io.ferrum.standards.definition.SiteDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Variations of a parsed definition, for tests that compare a site before and after a change. */
final class Sites {

    private Sites() {
    }

    static SiteDefinition withServerCount(SiteDefinition d, int rackIndex, int count) {
        List<SiteDefinition.Rack> racks = new ArrayList<>(d.racks());
        SiteDefinition.Rack rack = racks.get(rackIndex);
        racks.set(rackIndex, new SiteDefinition.Rack(rack.name(), rack.profile(),
                new SiteDefinition.Servers(rack.servers().model(), count, rack.servers().serials()),
                rack.switchSerials(), rack.status()));
        return withRackList(d, racks);
    }

    /** Appends racks named r01, r02, ... like the first rack (without serials) until there are {@code total}. */
    static SiteDefinition withRacks(SiteDefinition d, int total) {
        List<SiteDefinition.Rack> racks = new ArrayList<>(d.racks());
        SiteDefinition.Rack template = d.racks().get(0);
        while (racks.size() < total) {
            racks.add(new SiteDefinition.Rack(String.format("r%02d", racks.size() + 1), template.profile(),
                    new SiteDefinition.Servers(template.servers().model(), template.servers().count(), List.of()),
                    Map.of(), null));
        }
        return withRackList(d, racks);
    }

    static SiteDefinition withRackList(SiteDefinition d, List<SiteDefinition.Rack> racks) {
        return new SiteDefinition(d.standard(), d.site(), d.rackProfiles(), racks, d.network(), d.uplinks(),
                d.exchanges(), d.ipSpace(), d.asnRange(), d.source());
    }
}
