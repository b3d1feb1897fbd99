package io.ferrum.standards.plan;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.ipam.IpamAllocator;
import io.ferrum.model.ipam.Prefix;
import io.ferrum.model.ipam.PrefixRepository;
import io.ferrum.model.ipam.PrefixRequest;
import io.ferrum.model.ipam.PrefixService;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.desired.DesiredSite.PrefixAllocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Child prefixes carved by IPAM under an allocation key ({@code ams1/r01/server}). Everything keyed under the
 * site's code is the standard's, so an allocation the design drops is released, smallest first.
 */
@Component
class PrefixAllocationKind extends KindPlanner<PrefixAllocation, Prefix> {

    private final PrefixRepository prefixes;
    private final PrefixService service;
    private final IpamAllocator allocator;
    private final IpamPools pools;

    PrefixAllocationKind(PrefixRepository prefixes, PrefixService service, IpamAllocator allocator, IpamPools pools) {
        this.prefixes = prefixes;
        this.service = service;
        this.allocator = allocator;
        this.pools = pools;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.PREFIX_ALLOCATION;
    }

    @Override
    List<PrefixAllocation> designed(DesiredSite desired) {
        return desired.prefixAllocations();
    }

    @Override
    String key(PrefixAllocation designed) {
        return designed.key();
    }

    @Override
    Map<String, Prefix> stored(PlanScope scope, List<PrefixAllocation> designed, KindWork<PrefixAllocation> work) {
        Map<String, Prefix> stored = new LinkedHashMap<>();
        prefixes.findByAllocationKeyStartingWith(scope.code() + "/").stream()
                .sorted(Comparator.comparing((Prefix p) -> -p.cidr().prefixLength()))
                .forEach(p -> stored.putIfAbsent(p.getAllocationKey(), p));
        return stored;
    }

    @Override
    List<AttributeChange> created(PrefixAllocation designed) {
        return List.of(new AttributeChange("parent", null, designed.parent()),
                new AttributeChange("length", null, "/" + designed.length()),
                new AttributeChange("prefix", null, "(known after apply)"));
    }

    @Override
    void compare(PrefixAllocation designed, Prefix stored, String key, KindWork<PrefixAllocation> work,
                 PlanScope scope) {
        if (stored.cidr().prefixLength() != designed.length()) {
            work.block("prefix allocation " + key + " holds " + stored.getPrefix() + " but the standard now wants a /"
                    + designed.length() + "; re-carving address space is not automatic: release it by hand first");
        }
    }

    @Override
    boolean deletes(Prefix stored, PlanScope scope) {
        return true;
    }

    @Override
    void delete(Prefix stored, String key, KindWork<PrefixAllocation> work, PlanScope scope) {
        work.delete(stored.getId(), key, List.of(new AttributeChange("prefix", stored.getPrefix(), null)),
                NOT_DESIGNED);
    }

    @Override
    void deleteAll(List<Long> ids) {
        ids.forEach(service::delete);
    }

    /**
     * Parents first: an allocation may be carved from another allocation made in the same apply. Each wave carves
     * all children of one parent in one call, in the standard's order.
     */
    @Override
    void write(KindWork<PrefixAllocation> work) {
        List<PrefixAllocation> pending = new ArrayList<>(work.creates);
        while (!pending.isEmpty()) {
            Map<Long, List<PrefixAllocation>> byParent = new LinkedHashMap<>();
            Map<String, Prefix> parents = pools.byName(pending.stream().map(PrefixAllocation::parent).toList());
            for (PrefixAllocation allocation : pending) {
                Prefix parent = parents.get(allocation.parent());
                if (parent != null) {
                    byParent.computeIfAbsent(parent.getId(), id -> new ArrayList<>()).add(allocation);
                }
            }
            if (byParent.isEmpty()) {
                throw IntentException.invalid("prefixAllocations", "no prefix " + pending.get(0).parent()
                        + " to carve " + pending.get(0).key() + " from");
            }
            byParent.forEach((parentId, children) -> allocator.nextPrefixes(parentId, children.stream()
                    .map(a -> new PrefixRequest(a.length(), a.key(), a.role(), null, a.description())).toList()));
            byParent.values().forEach(pending::removeAll);
        }
    }
}
