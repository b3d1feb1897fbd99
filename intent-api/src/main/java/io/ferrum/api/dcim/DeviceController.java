package io.ferrum.api.dcim;

import io.ferrum.api.web.CrudController;
import io.ferrum.api.web.ListQuery;
import io.ferrum.api.web.Operations;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.DeviceService;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.dcim.RackFace;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/devices")
class DeviceController extends CrudController<Device, DeviceDraft, DeviceController.DeviceView> {

    DeviceController(DeviceService service, DeviceRepository repository, EntityManager entityManager) {
        super(Operations.of(service::get, service::create, (id, d) -> service.update(id, d),
                        (long id) -> service.delete(id)).withBulk(service::createAll),
                repository, ListQuery.filters("site", "site.code", "rack", "rack.name", "role", "role", "status", "status",
                        "hostname", "hostname", "serial", "serial", "deviceType", "deviceType.slug",
                        "platform", "platform.name", "tag", "tags"),
                DeviceView::of, entityManager);
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
