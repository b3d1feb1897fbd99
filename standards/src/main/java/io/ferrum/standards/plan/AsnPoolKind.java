package io.ferrum.standards.plan;

import io.ferrum.model.ipam.AsnPool;
import io.ferrum.model.ipam.AsnPoolRepository;
import io.ferrum.model.ipam.AsnService;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.desired.DesiredSite.AsnPoolSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The site's ASN range as a named pool: created when missing; a changed range blocks the plan. */
@Component
class AsnPoolKind extends KindPlanner<AsnPoolSpec, AsnPool> {

    private final AsnPoolRepository pools;
    private final AsnService service;

    AsnPoolKind(AsnPoolRepository pools, AsnService service) {
        this.pools = pools;
        this.service = service;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.ASN_POOL;
    }

    @Override
    List<AsnPoolSpec> designed(DesiredSite desired) {
        return desired.asnPools();
    }

    @Override
    String key(AsnPoolSpec designed) {
        return designed.name();
    }

    @Override
    Map<String, AsnPool> stored(PlanScope scope, List<AsnPoolSpec> designed, KindWork<AsnPoolSpec> work) {
        Map<String, AsnPool> stored = new LinkedHashMap<>();
        designed.forEach(p -> pools.findByName(p.name()).ifPresent(found -> stored.put(p.name(), found)));
        return stored;
    }

    @Override
    List<AttributeChange> created(AsnPoolSpec designed) {
        return List.of(new AttributeChange("range", null, designed.rangeStart() + "-" + designed.rangeEnd()));
    }

    @Override
    void compare(AsnPoolSpec designed, AsnPool stored, String key, KindWork<AsnPoolSpec> work, PlanScope scope) {
        if (stored.getRangeStart() != designed.rangeStart() || stored.getRangeEnd() != designed.rangeEnd()) {
            work.block("ASN pool " + key + " exists with range " + stored.getRangeStart() + "-"
                    + stored.getRangeEnd() + "; changing a pool's range is not automatic");
        }
    }

    @Override
    void write(KindWork<AsnPoolSpec> work) {
        work.creates.forEach(p -> service.createPool(p.name(), p.rangeStart(), p.rangeEnd()));
    }
}
