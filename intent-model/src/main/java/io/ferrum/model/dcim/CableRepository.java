package io.ferrum.model.dcim;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface CableRepository extends JpaRepository<Cable, Long>, JpaSpecificationExecutor<Cable> {
    Optional<Cable> findBySiteAndLabel(Site site, String label);

    List<Cable> findBySiteAndLabelIn(Site site, Collection<String> labels);

    @Query("select c from Cable c join fetch c.aPort ap join fetch ap.device join fetch c.bPort bp join fetch bp.device "
            + "where c.site = :site order by c.label")
    List<Cable> findInSite(Site site);

    @Query("select count(c) > 0 from Cable c where c.aPort.device = :device or c.bPort.device = :device")
    boolean existsOnDevice(Device device);

    boolean existsBySite(Site site);
}
