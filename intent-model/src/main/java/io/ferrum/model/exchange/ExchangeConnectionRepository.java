package io.ferrum.model.exchange;

import io.ferrum.model.dcim.Site;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface ExchangeConnectionRepository
        extends JpaRepository<ExchangeConnection, Long>, JpaSpecificationExecutor<ExchangeConnection> {
    Optional<ExchangeConnection> findByCircuitId(String circuitId);

    List<ExchangeConnection> findBySiteOrderByCircuitId(Site site);

    boolean existsByExchange(Exchange exchange);

    /** A connection of another site holding one of {@code circuitIds}: what a plan for {@code site} may not take. */
    interface CircuitHolder {
        String getCircuitId();

        String getSite();
    }

    @Query("select c.circuitId as circuitId, s.code as site from ExchangeConnection c join c.site s "
            + "where c.circuitId in :circuitIds and s.code <> :site order by c.circuitId")
    List<CircuitHolder> findCircuitsInOtherSites(Collection<String> circuitIds, String site);

    @Query("select count(c) > 0 from ExchangeConnection c join c.ports p where p.id = :portId and c.id <> :excludeId")
    boolean portUsedElsewhere(long portId, long excludeId);
}
