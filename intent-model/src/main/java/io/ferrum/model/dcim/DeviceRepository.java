package io.ferrum.model.dcim;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface DeviceRepository extends JpaRepository<Device, Long>, JpaSpecificationExecutor<Device> {
    Optional<Device> findByHostname(String hostname);

    List<Device> findByHostnameIn(Collection<String> hostnames);

    List<Device> findBySerialIn(Collection<String> serials);

    List<Device> findByAssetTagIn(Collection<String> assetTags);

    /** A device of another site holding one of {@code serials}: what a plan for {@code site} may not take. */
    interface SerialHolder {
        String getSerial();

        String getHostname();

        String getSite();
    }

    @Query("select d.serial as serial, d.hostname as hostname, s.code as site from Device d join d.site s "
            + "where d.serial in :serials and s.code <> :site order by d.serial")
    List<SerialHolder> findSerialsInOtherSites(Collection<String> serials, String site);

    @Query("select d from Device d where d.rack.id in :rackIds")
    List<Device> findInRacks(Collection<Long> rackIds);

    /** A site's devices with what the planner and exports read of them, in one query. */
    @Query("select d from Device d join fetch d.site left join fetch d.rack left join fetch d.platform "
            + "join fetch d.deviceType t join fetch t.manufacturer where d.site = :site order by d.hostname")
    List<Device> findInSiteFetched(Site site);

    boolean existsBySite(Site site);

    boolean existsByRack(Rack rack);

    boolean existsByDeviceType(DeviceType deviceType);

    boolean existsByPlatform(Platform platform);
}
