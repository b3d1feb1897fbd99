package io.ferrum.api.ipam;

import io.ferrum.api.web.CrudController;
import io.ferrum.api.web.ListQuery;
import io.ferrum.api.web.Operations;
import io.ferrum.model.ipam.IpAddress;
import io.ferrum.model.ipam.IpAddressDraft;
import io.ferrum.model.ipam.IpAddressRepository;
import io.ferrum.model.ipam.IpAddressService;
import io.ferrum.model.ipam.IpStatus;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ip-addresses")
class IpAddressController extends CrudController<IpAddress, IpAddressDraft, IpAddressController.IpAddressView> {

    private final IpAddressService service;

    IpAddressController(IpAddressService service, IpAddressRepository repository, EntityManager entityManager) {
        super(Operations.of(service::get, service::create, (id, d) -> service.update(id, d),
                        (long id) -> service.delete(id)),
                repository, ListQuery.filters("vrf", "vrf.name", "prefix", "prefix.prefix", "device", "port.device.hostname",
                        "status", "status", "dnsName", "dnsName", "tag", "tags"),
                IpAddressView::of, entityManager);
        this.service = service;
    }

    record IpAddressView(long id, String vrf, String address, String prefix, String device, String port,
                         String dnsName, IpStatus status, String description, String allocationKey, List<String> tags,
                         long version) {
        static IpAddressView of(IpAddress a) {
            var port = a.getPort();
            return new IpAddressView(a.getId(), a.getVrf() == null ? null : a.getVrf().getName(), a.getAddress(),
                    a.getPrefix().getPrefix(), port == null ? null : port.getDevice().getHostname(),
                    port == null ? null : port.getName(), a.getDnsName(), a.getStatus(), a.getDescription(),
                    a.getAllocationKey(), a.getTags(), a.getVersion());
        }
    }

    /** Makes this address its device's primary (management) address. */
    @PostMapping("/{id}/make-primary")
    IpAddressView makePrimary(@PathVariable long id) {
        return IpAddressView.of(service.makePrimary(id));
    }
}
