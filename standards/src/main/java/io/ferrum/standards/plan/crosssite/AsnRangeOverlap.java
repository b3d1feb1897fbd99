package io.ferrum.standards.plan.crosssite;

import io.ferrum.model.ipam.AsnPoolRepository;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.plan.crosssite.CrossSiteConflict.Concern;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A site's ASN range overlaps no other pool: the database holds each AS number once, so two sites drawing from one
 * range would, sooner or later, both want the same number.
 */
@Component
@Order(2)
class AsnRangeOverlap implements CrossSiteCheck {

    private final AsnPoolRepository pools;

    AsnRangeOverlap(AsnPoolRepository pools) {
        this.pools = pools;
    }

    @Override
    public List<CrossSiteConflict> find(DesiredSite desired) {
        List<CrossSiteConflict> conflicts = new ArrayList<>();
        for (DesiredSite.AsnPoolSpec wanted : desired.asnPools()) {
            String range = wanted.rangeStart() + "-" + wanted.rangeEnd();
            for (AsnPoolRepository.Overlap other : pools.findOverlapping(wanted.name(), wanted.rangeStart(),
                    wanted.rangeEnd())) {
                String owner = other.getSite() == null ? "" : " of site " + other.getSite();
                conflicts.add(new CrossSiteConflict(Concern.ASN_RANGE, wanted.name(), other.getSite(), "AS numbers "
                        + range + " overlap ASN pool " + other.getName() + " (" + other.getRangeStart() + "-"
                        + other.getRangeEnd() + ")" + owner + ": each AS number belongs to one site; give this "
                        + "site a range no pool uses"));
            }
        }
        return conflicts;
    }
}
