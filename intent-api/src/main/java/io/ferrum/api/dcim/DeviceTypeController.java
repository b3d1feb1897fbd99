package io.ferrum.api.dcim;

import io.ferrum.api.web.CrudController;
import io.ferrum.api.web.ListQuery;
import io.ferrum.api.web.Operations;
import io.ferrum.model.dcim.DeviceType;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.DeviceTypeRepository;
import io.ferrum.model.dcim.DeviceTypeService;
import io.ferrum.model.dcim.PortTemplate;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/device-types")
class DeviceTypeController extends CrudController<DeviceType, DeviceTypeDraft, DeviceTypeController.DeviceTypeView> {

    DeviceTypeController(DeviceTypeService service, DeviceTypeRepository repository, EntityManager entityManager) {
        super(Operations.of(service::get, service::create, (id, d) -> service.update(id, d),
                        (long id) -> service.delete(id)),
                repository, ListQuery.filters("slug", "slug", "manufacturer", "manufacturer.name", "model", "model"),
                DeviceTypeView::of, entityManager);
    }

    record DeviceTypeView(long id, String slug, String manufacturer, String model, int uHeight, boolean fullDepth,
                          int typicalPowerW, int maxPowerW, List<PortTemplate> portTemplates, long version) {
        static DeviceTypeView of(DeviceType t) {
            return new DeviceTypeView(t.getId(), t.getSlug(), t.getManufacturer().getName(), t.getModel(), t.getUHeight(),
                    t.isFullDepth(), t.getTypicalPowerW(), t.getMaxPowerW(), List.copyOf(t.getPortTemplates()),
                    t.getVersion());
        }
    }
}
