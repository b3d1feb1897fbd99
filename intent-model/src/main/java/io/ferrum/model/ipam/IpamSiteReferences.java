package io.ferrum.model.ipam;

import io.ferrum.model.dcim.Site;
import io.ferrum.model.dcim.SiteReferences;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Prefixes and VLANs that belong to a site keep it from being deleted. */
@Component
class IpamSiteReferences implements SiteReferences {

    private final PrefixRepository prefixes;
    private final VlanRepository vlans;

    IpamSiteReferences(PrefixRepository prefixes, VlanRepository vlans) {
        this.prefixes = prefixes;
        this.vlans = vlans;
    }

    @Override
    public List<String> referencesTo(Site site) {
        List<String> found = new ArrayList<>();
        prefixes.findBySite(site).forEach(p -> found.add("prefix " + p.getPrefix()));
        vlans.findBySiteOrderByVid(site).forEach(v -> found.add("VLAN " + v.getVid()));
        return found;
    }
}
