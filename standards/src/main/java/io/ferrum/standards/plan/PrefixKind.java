package io.ferrum.standards.plan;

import io.ferrum.model.ipam.Cidr;
import io.ferrum.model.ipam.Prefix;
import io.ferrum.model.ipam.PrefixDraft;
import io.ferrum.model.ipam.PrefixRepository;
import io.ferrum.model.ipam.PrefixService;
import io.ferrum.standards.desired.DesiredSite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The site's fixed address space (its supernets, as the definition gives them), by CIDR. */
@Component
class PrefixKind extends KindPlanner<PrefixDraft, Prefix> {

    private final PrefixRepository prefixes;
    private final PrefixService service;

    PrefixKind(PrefixRepository prefixes, PrefixService service) {
        this.prefixes = prefixes;
        this.service = service;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.PREFIX;
    }

    @Override
    List<PrefixDraft> designed(DesiredSite desired) {
        return desired.prefixes();
    }

    @Override
    String key(PrefixDraft designed) {
        return Cidr.parse(designed.prefix()).toString();
    }

    @Override
    Map<String, Prefix> stored(PlanScope scope, List<PrefixDraft> designed, KindWork<PrefixDraft> work) {
        Map<String, Prefix> stored = new LinkedHashMap<>();
        for (PrefixDraft prefix : designed) {
            String cidr = key(prefix);
            prefixes.findExact(null, cidr).ifPresent(existing -> {
                if (existing.getAllocationKey() != null) {
                    work.block("prefix " + cidr + " is already allocated as " + existing.getAllocationKey());
                    work.skip(cidr);
                }
                stored.put(cidr, existing);
            });
        }
        if (scope.site() != null) {
            prefixes.findBySite(scope.site()).stream().filter(p -> p.getAllocationKey() == null)
                    .forEach(p -> stored.putIfAbsent(p.getPrefix(), p));
        }
        return stored;
    }

    @Override
    void compare(PrefixDraft designed, Prefix stored, String key, KindWork<PrefixDraft> work, PlanScope scope) {
        updateWhenChanged(stored.getId(), asDesigned(stored), designed, LIFECYCLE, key, work, null);
    }

    @Override
    boolean deletes(Prefix stored, PlanScope scope) {
        return stored.getAllocationKey() == null && owned(stored.getTags());
    }

    @Override
    void deleteAll(List<Long> ids) {
        ids.forEach(service::delete);
    }

    @Override
    void write(KindWork<PrefixDraft> work) {
        work.creates.forEach(service::create);
        work.updates.forEach(u -> service.update(u.id(), u.design()));
    }

    private static PrefixDraft asDesigned(Prefix p) {
        return new PrefixDraft(p.getVrf() == null ? null : p.getVrf().getName(), p.getPrefix(), p.getRole(),
                p.getSite() == null ? null : p.getSite().getCode(), p.getStatus(), p.getDescription(), p.getTags());
    }
}
