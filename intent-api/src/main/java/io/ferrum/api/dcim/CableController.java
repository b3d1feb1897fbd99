package io.ferrum.api.dcim;

import io.ferrum.api.web.CrudController;
import io.ferrum.api.web.ListQuery;
import io.ferrum.api.web.Operations;
import io.ferrum.model.dcim.Cable;
import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.CableRepository;
import io.ferrum.model.dcim.CableService;
import io.ferrum.model.dcim.CableStatus;
import io.ferrum.model.dcim.CableType;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cables")
class CableController extends CrudController<Cable, CableDraft, CableController.CableView> {

    CableController(CableService service, CableRepository repository, EntityManager entityManager) {
        super(Operations.of(service::get, service::create, (id, d) -> service.update(id, d),
                        (long id) -> service.delete(id)).withBulk(service::createAll),
                repository, ListQuery.filters("site", "site.code", "label", "label", "type", "type", "status", "status",
                        "colour", "colour", "tag", "tags"),
                CableView::of, entityManager);
    }

    record CableView(long id, String site, String label, CableDraft.End a, CableDraft.End b, CableType type,
                     String colour, BigDecimal lengthM, CableStatus status, List<String> tags, long version) {
        static CableView of(Cable c) {
            return new CableView(c.getId(), c.getSite().getCode(), c.getLabel(),
                    new CableDraft.End(c.getAPort().getDevice().getHostname(), c.getAPort().getName()),
                    new CableDraft.End(c.getBPort().getDevice().getHostname(), c.getBPort().getName()),
                    c.getType(), c.getColour(), c.getLengthM(), c.getStatus(), c.getTags(), c.getVersion());
        }
    }
}
