package io.ferrum.model.ipam;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AsnRepository extends JpaRepository<Asn, Long> {
    List<Asn> findByAllocationKeyStartingWith(String prefix);

    List<Asn> findByAllocationKeyIn(java.util.Collection<String> allocationKeys);

    @Query("select a.asn from Asn a where a.pool = :pool order by a.asn")
    List<Long> takenIn(AsnPool pool);

    boolean existsByPool(AsnPool pool);

    List<Asn> findByPoolOrderByAsn(AsnPool pool);
}
