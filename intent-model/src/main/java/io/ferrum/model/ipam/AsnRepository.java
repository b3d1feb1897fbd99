package io.ferrum.model.ipam;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AsnRepository extends JpaRepository<Asn, Long> {
    List<Asn> findByAllocationKeyStartingWith(String prefix);

    List<Asn> findByAllocationKeyIn(java.util.Collection<String> allocationKeys);

    /** Every AS number taken in the range, by any pool: pools may overlap, an AS number is given out once. */
    @Query("select a.asn from Asn a where a.asn between :first and :last order by a.asn")
    List<Long> takenBetween(long first, long last);

    boolean existsByPool(AsnPool pool);

    List<Asn> findByPoolOrderByAsn(AsnPool pool);
}
