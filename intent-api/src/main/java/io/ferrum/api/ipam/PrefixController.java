package io.ferrum.api.ipam;

import io.ferrum.api.web.CrudController;
import io.ferrum.api.web.ListQuery;
import io.ferrum.api.web.Operations;
import io.ferrum.model.ipam.AddressAllocationQueue;
import io.ferrum.model.ipam.AddressRequest;
import io.ferrum.model.ipam.IpStatus;
import io.ferrum.model.ipam.IpamAllocator;
import io.ferrum.model.ipam.Prefix;
import io.ferrum.model.ipam.PrefixDraft;
import io.ferrum.model.ipam.PrefixRepository;
import io.ferrum.model.ipam.PrefixRequest;
import io.ferrum.model.ipam.PrefixRole;
import io.ferrum.model.ipam.PrefixService;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Prefixes, and allocation from them: the next free address or child prefix, idempotent by allocation key. */
@RestController
@RequestMapping("/api/v1/prefixes")
class PrefixController extends CrudController<Prefix, PrefixDraft, PrefixController.PrefixView> {

    private final IpamAllocator allocator;
    private final AddressAllocationQueue addressQueue;

    PrefixController(PrefixService service, PrefixRepository repository, IpamAllocator allocator,
                     AddressAllocationQueue addressQueue, EntityManager entityManager) {
        super(Operations.of(service::get, service::create, (id, d) -> service.update(id, d),
                        (long id) -> service.delete(id)),
                repository, ListQuery.filters("vrf", "vrf.name", "site", "site.code", "role", "role", "status", "status",
                        "tag", "tags"),
                PrefixView::of, entityManager);
        this.allocator = allocator;
        this.addressQueue = addressQueue;
    }

    record PrefixView(long id, String vrf, String prefix, PrefixRole role, String site, IpStatus status,
                      String description, String allocationKey, List<String> tags, long version) {
        static PrefixView of(Prefix p) {
            return new PrefixView(p.getId(), p.getVrf() == null ? null : p.getVrf().getName(), p.getPrefix(), p.getRole(),
                    p.getSite() == null ? null : p.getSite().getCode(), p.getStatus(), p.getDescription(),
                    p.getAllocationKey(), p.getTags(), p.getVersion());
        }
    }

    /**
     * Not in a transaction of its own: concurrent callers of one prefix share one (AddressAllocationQueue), and each
     * is answered after that commit.
     */
    @PostMapping("/{id}/available-ips")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    IpAddressController.IpAddressView allocateAddress(@PathVariable long id, @RequestBody AddressRequest request) {
        return addressQueue.nextAddress(id, request, IpAddressController.IpAddressView::of);
    }

    @PostMapping("/{id}/available-prefixes")
    @ResponseStatus(HttpStatus.CREATED)
    PrefixView allocatePrefix(@PathVariable long id, @RequestBody PrefixRequest request) {
        return PrefixView.of(allocator.nextPrefix(id, request));
    }
}
