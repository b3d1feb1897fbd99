package io.ferrum.api.dcim;

import io.ferrum.api.web.CrudController;
import io.ferrum.api.web.ListQuery;
import io.ferrum.api.web.Operations;
import io.ferrum.model.dcim.Site;
import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.model.dcim.SiteRepository;
import io.ferrum.model.dcim.SiteService;
import io.ferrum.model.dcim.SiteStatus;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sites")
class SiteController extends CrudController<Site, SiteDraft, SiteController.SiteView> {

    SiteController(SiteService service, SiteRepository repository, EntityManager entityManager) {
        super(Operations.of(service::get, service::create, (id, d) -> service.update(id, d),
                        id -> service.delete(id)),
                repository, ListQuery.filters("code", "code", "status", "status", "tag", "tags"), SiteView::of,
                entityManager);
    }

    record SiteView(long id, String code, String name, String address, String timezone, SiteStatus status,
                    List<String> tags, long version) {
        static SiteView of(Site s) {
            return new SiteView(s.getId(), s.getCode(), s.getName(), s.getAddress(), s.getTimezone(), s.getStatus(),
                    s.getTags(), s.getVersion());
        }
    }
}
