package io.ferrum.model.ipam;

import io.ferrum.model.dcim.Site;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface PrefixRepository extends JpaRepository<Prefix, Long>, JpaSpecificationExecutor<Prefix> {
    List<Prefix> findByAllocationKeyStartingWith(String prefix);

    List<Prefix> findByAllocationKeyIn(java.util.Collection<String> allocationKeys);

    @Query(value = "SELECT * FROM prefix WHERE vrf_id IS NOT DISTINCT FROM :vrfId AND prefix = CAST(:cidr AS cidr)",
            nativeQuery = true)
    Optional<Prefix> findExact(Long vrfId, String cidr);

    /** Prefixes strictly inside {@code cidr} in the same VRF, in address order. */
    @Query(value = "SELECT * FROM prefix WHERE vrf_id IS NOT DISTINCT FROM :vrfId AND prefix << CAST(:cidr AS cidr) "
            + "ORDER BY prefix", nativeQuery = true)
    List<Prefix> findInside(Long vrfId, String cidr);

    /** The most specific prefix containing an address, or empty. */
    @Query(value = "SELECT * FROM prefix WHERE vrf_id IS NOT DISTINCT FROM :vrfId AND prefix >>= CAST(:address AS inet) "
            + "ORDER BY masklen(prefix) DESC LIMIT 1", nativeQuery = true)
    Optional<Prefix> findMostSpecificContaining(Long vrfId, String address);

    List<Prefix> findBySite(Site site);

    boolean existsByVrf(Vrf vrf);
}
