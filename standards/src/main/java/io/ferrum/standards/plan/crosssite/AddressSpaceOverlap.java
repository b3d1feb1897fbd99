package io.ferrum.standards.plan.crosssite;

import io.ferrum.model.ipam.Cidr;
import io.ferrum.model.ipam.PrefixDraft;
import io.ferrum.model.ipam.PrefixRepository;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.plan.crosssite.CrossSiteConflict.Concern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A site's supernets overlap no other site's prefixes in their VRF: not equal (the plan would move the prefix to this
 * site, and the next plan of the other site back), not around or inside (IPAM would hand out addresses the other
 * site holds). Hand-made prefixes of no site are not another site's and may hold a site's space.
 */
@Component
@Order(1)
class AddressSpaceOverlap implements CrossSiteCheck {

    private final PrefixRepository prefixes;

    AddressSpaceOverlap(PrefixRepository prefixes) {
        this.prefixes = prefixes;
    }

    @Override
    public List<CrossSiteConflict> find(DesiredSite desired) {
        Map<String, List<PrefixDraft>> byVrf = desired.prefixes().stream().collect(Collectors.groupingBy(
                p -> Objects.requireNonNullElse(p.vrf(), ""), LinkedHashMap::new, Collectors.toList()));
        List<CrossSiteConflict> conflicts = new ArrayList<>();
        byVrf.forEach((vrf, wanted) -> {
            Map<String, String> written = new LinkedHashMap<>();
            wanted.forEach(p -> {
                String cidr = canonical(p.prefix());
                if (cidr != null) {
                    written.put(cidr, p.prefix());
                }
            });
            if (written.isEmpty()) {
                return;
            }
            String table = vrf.isEmpty() ? "the global table" : "VRF " + vrf;
            for (PrefixRepository.Overlap overlap : prefixes.findOverlapsInOtherSites(vrf.isEmpty() ? null : vrf,
                    String.join(",", written.keySet()), desired.site().code())) {
                String cidr = written.getOrDefault(canonical(overlap.getWanted()), overlap.getWanted());
                String clash = overlap.getPrefix().equals(overlap.getWanted())
                        ? " is already a prefix (" + overlap.getRole() + ")"
                        : " overlaps " + overlap.getPrefix() + " (" + overlap.getRole() + ")";
                conflicts.add(new CrossSiteConflict(Concern.ADDRESS_SPACE, cidr, overlap.getSite(), cidr + clash
                        + " of site " + overlap.getSite() + " in " + table + ": a site's address space is its own; "
                        + "give this site space no other site uses"));
            }
        });
        return conflicts;
    }

    /** The CIDR as IPAM writes it, or null when it is not one (the prefix-overlap policy check reports that). */
    private static String canonical(String prefix) {
        try {
            return Cidr.parse(prefix).toString();
        } catch (IllegalArgumentException notACidr) {
            return null;
        }
    }
}
