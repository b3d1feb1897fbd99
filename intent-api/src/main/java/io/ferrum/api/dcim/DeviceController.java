package io.ferrum.api.dcim;

import io.ferrum.api.web.CrudController;
import io.ferrum.api.web.ListQuery;
import io.ferrum.api.web.Operations;
import io.ferrum.api.web.Versions;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.DeviceService;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.dcim.RackFace;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/devices")
class DeviceController extends CrudController<Device, DeviceDraft, DeviceController.DeviceView> {

    private final DeviceService service;
    private final EntityManager entityManager;

    DeviceController(DeviceService service, DeviceRepository repository, EntityManager entityManager) {
        super(Operations.of(service::get, service::create, (id, d) -> service.update(id, d),
                        (long id) -> service.delete(id)).withBulk(service::createAll),
                repository, ListQuery.filters("site", "site.code", "rack", "rack.name", "role", "role", "status", "status",
                        "hostname", "hostname", "serial", "serial", "deviceType", "deviceType.slug",
                        "platform", "platform.name", "tag", "tags"),
                DeviceView::of, entityManager);
        this.service = service;
        this.entityManager = entityManager;
    }

    /** A move along the device's lifecycle, e.g. {@code {"status": "staged"}} once it is racked and cabled. */
    record StatusChange(DeviceStatus status) {
    }

    @PostMapping("/{id}/status")
    ResponseEntity<DeviceView> changeStatus(@PathVariable long id, @RequestBody StatusChange change,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Versions.check(service.get(id), ifMatch);
        Device device = service.changeStatus(id, change.status());
        entityManager.flush();
        return Versions.ok(device, DeviceView.of(device));
    }

    record DeviceView(long id, String site, String rack, String hostname, DeviceRole role, String deviceType,
                      String platform, String serial, String assetTag, DeviceStatus status, RackFace face,
                      Integer positionU, Long primaryIpId, List<String> tags, long version) {
        static DeviceView of(Device d) {
            return new DeviceView(d.getId(), d.getSite().getCode(), d.getRack() == null ? null : d.getRack().getName(),
                    d.getHostname(), d.getRole(), d.getDeviceType().getSlug(),
                    d.getPlatform() == null ? null : d.getPlatform().getName(), d.getSerial(), d.getAssetTag(),
                    d.getStatus(), d.getFace(), d.getPositionU(), d.getPrimaryIpId(), d.getTags(), d.getVersion());
        }
    }
}
