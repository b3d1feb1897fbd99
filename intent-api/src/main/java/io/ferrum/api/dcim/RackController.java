package io.ferrum.api.dcim;

import io.ferrum.api.web.CrudController;
import io.ferrum.api.web.ListQuery;
import io.ferrum.api.web.Operations;
import io.ferrum.model.dcim.Rack;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.model.dcim.RackRepository;
import io.ferrum.model.dcim.RackService;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/racks")
class RackController extends CrudController<Rack, RackDraft, RackController.RackView> {

    RackController(RackService service, RackRepository repository, EntityManager entityManager) {
        super(Operations.of(service::get, service::create, (id, d) -> service.update(id, d),
                        (long id) -> service.delete(id)).withBulk(service::createAll),
                repository, ListQuery.filters("site", "site.code", "name", "name", "profile", "profile",
                        "location", "location.name", "tag", "tags"), RackView::of, entityManager);
    }

    record RackView(long id, String site, String location, String name, int heightU, int powerBudgetW, String profile,
                    List<String> tags, long version) {
        static RackView of(Rack r) {
            return new RackView(r.getId(), r.getSite().getCode(), r.getLocation() == null ? null : r.getLocation().getName(),
                    r.getName(), r.getHeightU(), r.getPowerBudgetW(), r.getProfile(), r.getTags(), r.getVersion());
        }
    }
}
