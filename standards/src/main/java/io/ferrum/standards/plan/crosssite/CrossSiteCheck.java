package io.ferrum.standards.plan.crosssite;

import io.ferrum.standards.desired.DesiredSite;
import java.util.List;

/** One kind of clash between a design and what other sites hold, found with read-only queries (one per check). */
interface CrossSiteCheck {

    /** Every clash of this kind; empty when the design takes nothing of another site's. */
    List<CrossSiteConflict> find(DesiredSite desired);
}
