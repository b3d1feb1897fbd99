package io.ferrum.standards.plan;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.ipam.Asn;
import io.ferrum.model.ipam.AsnPoolRepository;
import io.ferrum.model.ipam.AsnRepository;
import io.ferrum.model.ipam.AsnService;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.desired.DesiredSite.AsnAllocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** AS numbers taken from a pool by allocation key; a number, once given, never changes. */
@Component
class AsnKind extends KindPlanner<AsnAllocation, Asn> {

    private final AsnRepository asns;
    private final AsnPoolRepository pools;
    private final AsnService service;

    AsnKind(AsnRepository asns, AsnPoolRepository pools, AsnService service) {
        this.asns = asns;
        this.pools = pools;
        this.service = service;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.ASN;
    }

    @Override
    List<AsnAllocation> designed(DesiredSite desired) {
        return desired.asns();
    }

    @Override
    String key(AsnAllocation designed) {
        return designed.key();
    }

    @Override
    Map<String, Asn> stored(PlanScope scope, List<AsnAllocation> designed, KindWork<AsnAllocation> work) {
        return index(asns.findByAllocationKeyStartingWith(scope.code() + "/"), Asn::getAllocationKey);
    }

    @Override
    List<AttributeChange> created(AsnAllocation designed) {
        return List.of(new AttributeChange("pool", null, designed.pool()),
                new AttributeChange("asn", null, "(known after apply)"));
    }

    @Override
    void compare(AsnAllocation designed, Asn stored, String key, KindWork<AsnAllocation> work, PlanScope scope) {
        // allocated: the number stays as long as the key is designed
    }

    @Override
    boolean deletes(Asn stored, PlanScope scope) {
        return true;
    }

    @Override
    void delete(Asn stored, String key, KindWork<AsnAllocation> work, PlanScope scope) {
        work.delete(stored.getId(), key, List.of(new AttributeChange("asn", String.valueOf(stored.getAsn()), null)),
                NOT_DESIGNED);
    }

    @Override
    void deleteAll(List<Long> ids) {
        ids.forEach(service::delete);
    }

    @Override
    void write(KindWork<AsnAllocation> work) {
        Map<String, List<AsnService.AsnRequest>> byPool = new LinkedHashMap<>();
        work.creates.forEach(a -> byPool.computeIfAbsent(a.pool(), p -> new ArrayList<>())
                .add(new AsnService.AsnRequest(a.key(), a.description())));
        byPool.forEach((pool, requests) -> service.nextAll(pools.findByName(pool).orElseThrow(() ->
                IntentException.invalid("asns", "ASN pool " + pool + " does not exist")).getId(), requests));
    }
}
