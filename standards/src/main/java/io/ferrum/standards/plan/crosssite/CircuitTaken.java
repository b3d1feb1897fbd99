package io.ferrum.standards.plan.crosssite;

import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.model.exchange.ExchangeConnectionRepository;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.plan.crosssite.CrossSiteConflict.Concern;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A circuit id names one exchange hand-off; the kill switch finds connections by it, so it is never shared. */
@Component
@Order(4)
class CircuitTaken implements CrossSiteCheck {

    private final ExchangeConnectionRepository connections;

    CircuitTaken(ExchangeConnectionRepository connections) {
        this.connections = connections;
    }

    @Override
    public List<CrossSiteConflict> find(DesiredSite desired) {
        List<String> circuits = desired.exchangeConnections().stream().map(ExchangeConnectionDraft::circuitId)
                .distinct().toList();
        List<CrossSiteConflict> conflicts = new ArrayList<>();
        if (circuits.isEmpty()) {
            return conflicts;
        }
        for (ExchangeConnectionRepository.CircuitHolder holder : connections.findCircuitsInOtherSites(circuits,
                desired.site().code())) {
            conflicts.add(new CrossSiteConflict(Concern.CIRCUIT, holder.getCircuitId(), holder.getSite(), "circuit "
                    + holder.getCircuitId() + " is already an exchange connection of site " + holder.getSite()
                    + ": a circuit id names one hand-off"));
        }
        return conflicts;
    }
}
