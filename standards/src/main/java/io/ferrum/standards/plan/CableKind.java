package io.ferrum.standards.plan;

import io.ferrum.model.dcim.Cable;
import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.CableRepository;
import io.ferrum.model.dcim.CableService;
import io.ferrum.model.dcim.Port;
import io.ferrum.standards.desired.DesiredSite;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The site's cables, by label. A cable whose ends move, or that connects a device the plan replaces, is re-made;
 * a cable on a device the plan removes goes with it, even a hand-made one.
 */
@Component
class CableKind extends KindPlanner<CableDraft, Cable> {

    private final CableRepository cables;
    private final CableService service;

    CableKind(CableRepository cables, CableService service) {
        this.cables = cables;
        this.service = service;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.CABLE;
    }

    @Override
    List<CableDraft> designed(DesiredSite desired) {
        return desired.cables();
    }

    @Override
    String key(CableDraft designed) {
        return designed.label();
    }

    @Override
    Map<String, Cable> stored(PlanScope scope, List<CableDraft> designed, KindWork<CableDraft> work) {
        return scope.site() == null ? Map.of() : index(cables.findInSite(scope.site()), Cable::getLabel);
    }

    @Override
    void compare(CableDraft designed, Cable stored, String key, KindWork<CableDraft> work, PlanScope scope) {
        CableDraft current = asDesigned(stored);
        List<AttributeChange> changed = RecordDiff.between(current, designed, LIFECYCLE);
        boolean movedEnds = !current.a().equals(designed.a()) || !current.b().equals(designed.b());
        boolean onRemoved = scope.removedDevices.contains(current.a().device())
                || scope.removedDevices.contains(current.b().device());
        if (movedEnds || onRemoved) {
            work.replace(stored.getId(), designed, key, changed,
                    movedEnds ? "its ends move" : "a device it connects is replaced");
        } else if (!changed.isEmpty()) {
            work.update(stored.getId(), designed, key, changed, null);
        }
    }

    @Override
    boolean deletes(Cable stored, PlanScope scope) {
        return owned(stored.getTags()) || onRemovedDevice(stored, scope);
    }

    @Override
    void delete(Cable stored, String key, KindWork<CableDraft> work, PlanScope scope) {
        work.delete(stored.getId(), key, List.of(),
                owned(stored.getTags()) ? NOT_DEFINED : "a device it connects is removed");
    }

    @Override
    void deleteAll(List<Long> ids) {
        ids.forEach(service::delete);
    }

    @Override
    void write(KindWork<CableDraft> work) {
        work.updates.forEach(u -> service.applyDesign(u.id(), u.design()));
        if (!work.creates.isEmpty()) {
            service.createAll(work.creates);
        }
    }

    @Override
    boolean clearsSessionAfterWrites() {
        return true;
    }

    private static boolean onRemovedDevice(Cable cable, PlanScope scope) {
        return scope.removedDevices.contains(cable.getAPort().getDevice().getHostname())
                || scope.removedDevices.contains(cable.getBPort().getDevice().getHostname());
    }

    private static CableDraft asDesigned(Cable c) {
        return new CableDraft(c.getLabel(), end(c.getAPort()), end(c.getBPort()), c.getType(), c.getColour(),
                c.getLengthM(), c.getStatus(), c.getTags());
    }

    private static CableDraft.End end(Port port) {
        return new CableDraft.End(port.getDevice().getHostname(), port.getName());
    }
}
