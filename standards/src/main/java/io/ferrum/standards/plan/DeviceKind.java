package io.ferrum.standards.plan;

import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.dcim.DeviceService;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.standards.desired.DesiredSite;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The site's devices, by hostname. A device whose type changes is replaced (the type decides its ports); deleting
 * or replacing a device in production needs {@code allowDestroyActive}. A hostname another site holds blocks the
 * plan.
 */
@Component
class DeviceKind extends KindPlanner<DeviceDraft, Device> {

    private final DeviceRepository devices;
    private final DeviceService service;

    DeviceKind(DeviceRepository devices, DeviceService service) {
        this.devices = devices;
        this.service = service;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.DEVICE;
    }

    @Override
    List<DeviceDraft> designed(DesiredSite desired) {
        return desired.devices();
    }

    @Override
    String key(DeviceDraft designed) {
        return designed.hostname();
    }

    @Override
    Map<String, Device> stored(PlanScope scope, List<DeviceDraft> designed, KindWork<DeviceDraft> work) {
        devices.findByHostnameIn(designed.stream().map(DeviceDraft::hostname).toList()).stream()
                .filter(d -> !d.getSite().getCode().equals(scope.code()))
                .forEach(d -> {
                    work.skip(d.getHostname());
                    work.block("hostname " + d.getHostname() + " already belongs to site " + d.getSite().getCode());
                });
        Map<String, Device> stored = new LinkedHashMap<>();
        scope.devices().stream().sorted(Comparator.comparing(Device::getHostname))
                .forEach(d -> stored.put(d.getHostname(), d));
        return stored;
    }

    @Override
    void compare(DeviceDraft designed, Device stored, String key, KindWork<DeviceDraft> work, PlanScope scope) {
        List<AttributeChange> changed = RecordDiff.between(asDesigned(stored), designed.normalized(), LIFECYCLE);
        if (changed.isEmpty()) {
            return;
        }
        if (!stored.getDeviceType().getSlug().equals(designed.deviceType())) {
            protect(stored, scope, work, "replace");
            scope.removedDevices.add(key);
            work.replace(stored.getId(), designed, key, changed, "the device type changes");
        } else {
            work.update(stored.getId(), designed, key, changed, null);
        }
    }

    @Override
    boolean deletes(Device stored, PlanScope scope) {
        return owned(stored.getTags());
    }

    @Override
    void delete(Device stored, String key, KindWork<DeviceDraft> work, PlanScope scope) {
        protect(stored, scope, work, "delete");
        scope.removedDevices.add(key);
        work.delete(stored.getId(), key, List.of(), NOT_DEFINED);
    }

    @Override
    void deleteAll(List<Long> ids) {
        ids.forEach(service::delete);
    }

    @Override
    void write(KindWork<DeviceDraft> work) {
        // updates first: a device moving in its rack frees the units a new one may take
        work.updates.forEach(u -> service.applyDesign(u.id(), u.design()));
        if (!work.creates.isEmpty()) {
            service.createAll(work.creates);
        }
    }

    private static void protect(Device device, PlanScope scope, KindWork<DeviceDraft> work, String what) {
        boolean inProduction = device.getStatus() == DeviceStatus.ACTIVE || device.getStatus() == DeviceStatus.STAGED;
        if (inProduction && !scope.options().allowDestroyActive()) {
            work.block("device " + device.getHostname() + " is " + device.getStatus().wire() + "; the plan would "
                    + what + " it: re-plan with --allow-destroy-active (allowDestroyActive) if that is intended");
        }
    }

    private static DeviceDraft asDesigned(Device d) {
        return new DeviceDraft(d.getSite().getCode(), d.getRack() == null ? null : d.getRack().getName(),
                d.getHostname(), d.getRole(), d.getDeviceType().getSlug(),
                d.getPlatform() == null ? null : d.getPlatform().getName(), d.getSerial(), d.getAssetTag(),
                d.getStatus(), d.getFace(), d.getPositionU(), d.getTags());
    }
}
