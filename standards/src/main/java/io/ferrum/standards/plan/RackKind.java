package io.ferrum.standards.plan;

import io.ferrum.model.dcim.Rack;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.model.dcim.RackRepository;
import io.ferrum.model.dcim.RackService;
import io.ferrum.standards.desired.DesiredSite;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The site's racks, by name. */
@Component
class RackKind extends KindPlanner<RackDraft, Rack> {

    private final RackRepository racks;
    private final RackService service;

    RackKind(RackRepository racks, RackService service) {
        this.racks = racks;
        this.service = service;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.RACK;
    }

    @Override
    List<RackDraft> designed(DesiredSite desired) {
        return desired.racks();
    }

    @Override
    String key(RackDraft designed) {
        return designed.name();
    }

    @Override
    Map<String, Rack> stored(PlanScope scope, List<RackDraft> designed, KindWork<RackDraft> work) {
        return scope.site() == null ? Map.of() : index(racks.findBySiteOrderByName(scope.site()), Rack::getName);
    }

    @Override
    void compare(RackDraft designed, Rack stored, String key, KindWork<RackDraft> work, PlanScope scope) {
        updateWhenChanged(stored.getId(), asDesigned(stored), designed, NONE, key, work, null);
    }

    @Override
    boolean deletes(Rack stored, PlanScope scope) {
        return owned(stored.getTags());
    }

    @Override
    void deleteAll(List<Long> ids) {
        ids.forEach(service::delete);
    }

    @Override
    void write(KindWork<RackDraft> work) {
        if (!work.creates.isEmpty()) {
            service.createAll(work.creates);
        }
        work.updates.forEach(u -> service.update(u.id(), u.design()));
    }

    private static RackDraft asDesigned(Rack r) {
        return new RackDraft(r.getSite().getCode(), r.getLocation() == null ? null : r.getLocation().getName(),
                r.getName(), r.getHeightU(), r.getPowerBudgetW(), r.getProfile(), r.getTags());
    }
}
