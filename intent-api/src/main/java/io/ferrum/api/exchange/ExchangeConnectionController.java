package io.ferrum.api.exchange;

import io.ferrum.api.web.CrudController;
import io.ferrum.api.web.ListQuery;
import io.ferrum.api.web.Operations;
import io.ferrum.api.web.Versions;
import io.ferrum.model.dcim.Port;
import io.ferrum.model.exchange.ConnectionStatus;
import io.ferrum.model.exchange.ExchangeConnection;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.model.exchange.ExchangeConnectionRepository;
import io.ferrum.model.exchange.ExchangeService;
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
@RequestMapping("/api/v1/exchange-connections")
class ExchangeConnectionController extends CrudController<ExchangeConnection, ExchangeConnectionDraft,
        ExchangeConnectionController.ConnectionView> {

    private final ExchangeService service;
    private final EntityManager entityManager;

    ExchangeConnectionController(ExchangeService service, ExchangeConnectionRepository repository,
                                 EntityManager entityManager) {
        super(Operations.of(service::get, service::create, (id, d) -> service.update(id, d),
                        (long id) -> service.delete(id)),
                repository, ListQuery.filters("exchange", "exchange.code", "site", "site.code", "device", "device.hostname",
                        "killSwitchGroup", "killSwitchGroup", "status", "status", "tag", "tags"),
                ConnectionView::of, entityManager);
        this.service = service;
        this.entityManager = entityManager;
    }

    /** A move along the connection's lifecycle, e.g. {@code {"status": "active"}}; kills belong to the kill switch. */
    record StatusChange(ConnectionStatus status) {
    }

    @PostMapping("/{id}/status")
    ResponseEntity<ConnectionView> changeStatus(@PathVariable long id, @RequestBody StatusChange change,
                                                @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Versions.check(service.get(id), ifMatch);
        ExchangeConnection connection = service.changeStatus(id, change.status());
        entityManager.flush();
        return Versions.ok(connection, ConnectionView.of(connection));
    }

    record ConnectionView(long id, String exchange, String site, String device, List<String> ports, String circuitId,
                          String killSwitchGroup, ConnectionStatus status, String description, List<String> tags,
                          long version) {
        static ConnectionView of(ExchangeConnection c) {
            return new ConnectionView(c.getId(), c.getExchange().getCode(), c.getSite().getCode(),
                    c.getDevice().getHostname(), c.getPorts().stream().map(Port::getName).toList(), c.getCircuitId(),
                    c.getKillSwitchGroup(), c.getStatus(), c.getDescription(), c.getTags(), c.getVersion());
        }
    }
}
