package io.ferrum.model.ipam;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AsnPoolRepository extends JpaRepository<AsnPool, Long> {
    Optional<AsnPool> findByName(String name);
}
