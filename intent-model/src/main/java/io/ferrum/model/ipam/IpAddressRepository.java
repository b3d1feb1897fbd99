package io.ferrum.model.ipam;

import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.Port;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface IpAddressRepository extends JpaRepository<IpAddress, Long>, JpaSpecificationExecutor<IpAddress> {
    Optional<IpAddress> findByAllocationKey(String allocationKey);

    @Query(value = "SELECT * FROM ip_address WHERE coalesce(vrf_id, 0) = coalesce(:vrfId, 0) "
            + "AND host(address) = host(CAST(:address AS inet))", nativeQuery = true)
    Optional<IpAddress> findHost(Long vrfId, String address);

    /** Hosts already taken in a prefix, as text without mask, in address order. */
    @Query(value = "SELECT host(address) FROM ip_address WHERE prefix_id = :prefixId ORDER BY address", nativeQuery = true)
    List<String> takenHosts(long prefixId);

    boolean existsByPrefix(Prefix prefix);

    List<IpAddress> findByPort(Port port);

    @Query("select a from IpAddress a where a.port.device = :device")
    List<IpAddress> findOnDevice(Device device);

    @Query("select a from IpAddress a left join fetch a.port p left join fetch p.device d where a.prefix.site.id = :siteId "
            + "or d.site.id = :siteId")
    List<IpAddress> findForSite(long siteId);
}
