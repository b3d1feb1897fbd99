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

    /** Another site's prefix overlapping a CIDR a plan wants: the widest such prefix per CIDR and site. */
    interface Overlap {
        /** The CIDR asked about. */
        String getWanted();

        String getSite();

        String getPrefix();

        String getRole();
    }

    /**
     * For each of {@code cidrs} (comma-separated), the widest prefix of every other site that overlaps it (contains
     * it, lies inside it, or equals it) in the VRF named {@code vrf} (null: the global table); one query, using the
     * prefixes' GiST index.
     */
    @Query(value = "SELECT DISTINCT ON (wanted.cidr, s.code) CAST(wanted.cidr AS text) AS wanted, s.code AS site, "
            + "CAST(p.prefix AS text) AS prefix, p.role AS role "
            + "FROM unnest(CAST(string_to_array(:cidrs, ',') AS cidr[])) AS wanted(cidr) "
            + "JOIN prefix p ON p.prefix && wanted.cidr JOIN site s ON s.id = p.site_id "
            + "LEFT JOIN vrf v ON v.id = p.vrf_id "
            + "WHERE v.name IS NOT DISTINCT FROM CAST(:vrf AS text) AND s.code <> :site "
            + "ORDER BY wanted.cidr, s.code, masklen(p.prefix), p.prefix", nativeQuery = true)
    List<Overlap> findOverlapsInOtherSites(String vrf, String cidrs, String site);

    boolean existsByVrf(Vrf vrf);
}
