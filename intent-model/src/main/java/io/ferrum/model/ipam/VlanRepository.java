package io.ferrum.model.ipam;

import java.util.List;
import io.ferrum.model.dcim.Site;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface VlanRepository extends JpaRepository<Vlan, Long>, JpaSpecificationExecutor<Vlan> {
    boolean existsBySiteAndVid(Site site, int vid);

    List<Vlan> findBySiteOrderByVid(Site site);

    boolean existsBySiteIsNullAndVid(int vid);
}
