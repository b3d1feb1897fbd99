package io.ferrum.model.ipam;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VrfRepository extends JpaRepository<Vrf, Long> {
    Optional<Vrf> findByName(String name);
}
