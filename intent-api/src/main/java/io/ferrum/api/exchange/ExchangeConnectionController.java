package io.ferrum.api.exchange;

import io.ferrum.api.web.CrudController;
import io.ferrum.api.web.ListQuery;
import io.ferrum.api.web.Operations;
import io.ferrum.model.dcim.Port;
import io.ferrum.model.exchange.ConnectionStatus;
import io.ferrum.model.exchange.ExchangeConnection;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.model.exchange.ExchangeConnectionRepository;
import io.ferrum.model.exchange.ExchangeService;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exchange-connections")
class ExchangeConnectionController extends CrudController<ExchangeConnection, ExchangeConnectionDraft,
        ExchangeConnectionController.ConnectionView> {

    ExchangeConnectionController(ExchangeService service, ExchangeConnectionRepository repository,
                                 EntityManager entityManager) {
        super(Operations.of(service::get, service::create, (id, d) -> service.update(id, d),
                        (long id) -> service.delete(id)),
                repository, ListQuery.filters("exchange", "exchange.code", "site", "site.code", "device", "device.hostname",
                        "killSwitchGroup", "killSwitchGroup", "status", "status", "tag", "tags"),
                ConnectionView::of, entityManager);
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
