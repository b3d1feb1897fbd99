package io.ferrum.model.exchange;

import io.ferrum.model.dcim.Site;
import io.ferrum.model.dcim.SiteReferences;
import java.util.List;
import org.springframework.stereotype.Component;

/** Exchange connections landing in a site keep it from being deleted. */
@Component
class ExchangeSiteReferences implements SiteReferences {

    private final ExchangeConnectionRepository connections;

    ExchangeSiteReferences(ExchangeConnectionRepository connections) {
        this.connections = connections;
    }

    @Override
    public List<String> referencesTo(Site site) {
        return connections.findBySiteOrderByCircuitId(site).stream()
                .map(c -> "exchange connection " + c.getCircuitId()).toList();
    }
}
