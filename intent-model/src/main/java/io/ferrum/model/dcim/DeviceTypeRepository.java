package io.ferrum.model.dcim;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface DeviceTypeRepository extends JpaRepository<DeviceType, Long>, JpaSpecificationExecutor<DeviceType> {
    Optional<DeviceType> findBySlug(String slug);

    boolean existsByManufacturer(Manufacturer manufacturer);
}
