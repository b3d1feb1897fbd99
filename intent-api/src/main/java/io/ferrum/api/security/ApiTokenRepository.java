package io.ferrum.api.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {
    List<ApiToken> findByUserOrderByName(AppUser user);

    boolean existsByUserAndName(AppUser user, String name);
}
