package io.ferrum.model.dcim;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface RackRepository extends JpaRepository<Rack, Long>, JpaSpecificationExecutor<Rack> {
    Optional<Rack> findBySiteAndName(Site site, String name);

    List<Rack> findBySiteOrderByName(Site site);

    boolean existsBySite(Site site);

    boolean existsByLocation(Location location);

    /** Locks racks, in id order so that two writers never deadlock, while their units are being assigned. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Rack r where r.id in :ids order by r.id")
    List<Rack> lockAll(Collection<Long> ids);
}
