package io.ferrum.model.exchange;

import io.ferrum.model.dcim.Site;
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

    @Query("select count(c) > 0 from ExchangeConnection c join c.ports p where p.id = :portId and c.id <> :excludeId")
    boolean portUsedElsewhere(long portId, long excludeId);
}
