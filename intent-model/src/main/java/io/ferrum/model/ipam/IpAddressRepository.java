package io.ferrum.model.ipam;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import jakarta.persistence.QueryHint;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface IpAddressRepository extends JpaRepository<IpAddress, Long>, JpaSpecificationExecutor<IpAddress> {
    List<IpAddress> findByAllocationKeyIn(java.util.Collection<String> allocationKeys);

    /** Addresses whose allocation key starts with {@code keyPrefix}, with their port and device, in one query. */
    @Query("select a from IpAddress a join fetch a.prefix left join fetch a.port p left join fetch p.device "
            + "where a.allocationKey like concat(:keyPrefix, '%')")
    List<IpAddress> findKeyedFetched(String keyPrefix);

    @Query(value = "SELECT * FROM ip_address WHERE coalesce(vrf_id, 0) = coalesce(:vrfId, 0) "
            + "AND host(address) = host(CAST(:address AS inet))", nativeQuery = true)
    Optional<IpAddress> findHost(Long vrfId, String address);

    /**
     * Pairs of (prefix id, offset from its network address) of the hosts already taken in those prefixes. Called under the prefix's
     * allocation lock by the allocator, which flushes what it creates, so no auto-flush of the whole session is needed.
     */
    @QueryHints(@QueryHint(name = "org.hibernate.flushMode", value = "COMMIT"))
    @Query(value = "SELECT a.prefix_id, a.address - p.prefix FROM ip_address a JOIN prefix p ON p.id = a.prefix_id "
            + "WHERE a.prefix_id IN (:prefixIds)", nativeQuery = true)
    List<Object[]> takenOffsets(java.util.Collection<Long> prefixIds);

    /** The offsets taken in one prefix from {@code from} on. */
    @QueryHints(@QueryHint(name = "org.hibernate.flushMode", value = "COMMIT"))
    @Query(value = "SELECT a.address - p.prefix FROM ip_address a JOIN prefix p ON p.id = a.prefix_id "
            + "WHERE a.prefix_id = :prefixId AND a.address - p.prefix >= :from", nativeQuery = true)
    List<Long> takenOffsetsFrom(long prefixId, long from);

    /** How many offsets from {@code from} (inclusive) to {@code to} (exclusive) are taken in one prefix. */
    @QueryHints(@QueryHint(name = "org.hibernate.flushMode", value = "COMMIT"))
    @Query(value = "SELECT count(*) FROM ip_address a JOIN prefix p ON p.id = a.prefix_id "
            + "WHERE a.prefix_id = :prefixId AND a.address - p.prefix >= :from AND a.address - p.prefix < :to",
            nativeQuery = true)
    long countTakenBetween(long prefixId, long from, long to);

    boolean existsByPrefix(Prefix prefix);

    /** The addresses bound to any port of {@code device}. */
    List<IpAddress> findByPortDevice(io.ferrum.model.dcim.Device device);

    @Query("select a from IpAddress a left join fetch a.port p left join fetch p.device d where a.prefix.site.id = :siteId "
            + "or d.site.id = :siteId")
    List<IpAddress> findForSite(long siteId);
}
