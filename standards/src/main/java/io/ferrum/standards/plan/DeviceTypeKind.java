package io.ferrum.standards.plan;

import io.ferrum.model.dcim.DeviceType;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.DeviceTypeRepository;
import io.ferrum.model.dcim.DeviceTypeService;
import io.ferrum.standards.desired.DesiredSite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Hardware models the design uses: a shared catalogue, created or updated, never deleted by a site's plan. */
@Component
class DeviceTypeKind extends KindPlanner<DeviceTypeDraft, DeviceType> {

    private final DeviceTypeRepository types;
    private final DeviceTypeService service;

    DeviceTypeKind(DeviceTypeRepository types, DeviceTypeService service) {
        this.types = types;
        this.service = service;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.DEVICE_TYPE;
    }

    @Override
    List<DeviceTypeDraft> designed(DesiredSite desired) {
        return desired.deviceTypes();
    }

    @Override
    String key(DeviceTypeDraft designed) {
        return designed.slug();
    }

    @Override
    Map<String, DeviceType> stored(PlanScope scope, List<DeviceTypeDraft> designed, KindWork<DeviceTypeDraft> work) {
        Map<String, DeviceType> stored = new LinkedHashMap<>();
        designed.forEach(d -> types.findBySlug(d.slug()).ifPresent(t -> stored.put(d.slug(), t)));
        return stored;
    }

    @Override
    void compare(DeviceTypeDraft designed, DeviceType stored, String key, KindWork<DeviceTypeDraft> work,
                 PlanScope scope) {
        updateWhenChanged(stored.getId(), asDesigned(stored), designed.normalized(), NONE, key, work,
                "existing devices keep their ports");
    }

    @Override
    void write(KindWork<DeviceTypeDraft> work) {
        // another site's apply may be creating the same new types right now: the service waits for it, not fails
        service.createAllIfAbsent(work.creates);
        work.updates.forEach(u -> service.update(u.id(), u.design()));
    }

    private static DeviceTypeDraft asDesigned(DeviceType t) {
        return new DeviceTypeDraft(t.getSlug(), t.getManufacturer().getName(), t.getModel(), t.getUHeight(),
                t.isFullDepth(), t.getTypicalPowerW(), t.getMaxPowerW(), List.copyOf(t.getPortTemplates()));
    }
}
