package io.ferrum.standards.plan;

import io.ferrum.model.exchange.Exchange;
import io.ferrum.model.exchange.ExchangeRepository;
import io.ferrum.model.exchange.ExchangeService;
import io.ferrum.standards.desired.DesiredSite;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Exchanges the site connects to, by market identifier: created when missing, never changed or deleted. */
@Component
class ExchangeKind extends KindPlanner<DesiredSite.ExchangeSpec, Exchange> {

    private final ExchangeRepository exchanges;
    private final ExchangeService service;

    ExchangeKind(ExchangeRepository exchanges, ExchangeService service) {
        this.exchanges = exchanges;
        this.service = service;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.EXCHANGE;
    }

    @Override
    List<DesiredSite.ExchangeSpec> designed(DesiredSite desired) {
        return desired.exchanges();
    }

    @Override
    String key(DesiredSite.ExchangeSpec designed) {
        return designed.code();
    }

    @Override
    Map<String, Exchange> stored(PlanScope scope, List<DesiredSite.ExchangeSpec> designed,
                                 KindWork<DesiredSite.ExchangeSpec> work) {
        Map<String, Exchange> stored = new LinkedHashMap<>();
        designed.forEach(e -> exchanges.findByCode(e.code()).ifPresent(found -> stored.put(e.code(), found)));
        return stored;
    }

    @Override
    List<AttributeChange> created(DesiredSite.ExchangeSpec designed) {
        return List.of(new AttributeChange("name", null, designed.name()));
    }

    @Override
    void compare(DesiredSite.ExchangeSpec designed, Exchange stored, String key,
                 KindWork<DesiredSite.ExchangeSpec> work, PlanScope scope) {
        // an exchange's name is the operator's to keep; the standard only makes sure it exists
    }

    @Override
    void write(KindWork<DesiredSite.ExchangeSpec> work) {
        // in code order, and waiting for (not failing on) another site's apply creating the same new exchange
        work.creates.stream().sorted(Comparator.comparing(DesiredSite.ExchangeSpec::code))
                .forEach(e -> service.createExchangeIfAbsent(e.code(), e.name()));
    }
}
