package io.ferrum.model.dcim;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface PortRepository extends JpaRepository<Port, Long>, JpaSpecificationExecutor<Port> {
    List<Port> findByDeviceOrderById(Device device);

    @Query("select p from Port p join fetch p.device d where d.hostname in :hostnames")
    List<Port> findOnDevices(Collection<String> hostnames);

    /** Only the named ports of those devices: far fewer rows than all their ports when assigning addresses. */
    @Query("select p from Port p join fetch p.device d where d.hostname in :hostnames and p.name in :names")
    List<Port> findNamedOnDevices(Collection<String> hostnames, Collection<String> names);

    @Query("select p from Port p join fetch p.device d where d.site = :site")
    List<Port> findInSite(Site site);
}
