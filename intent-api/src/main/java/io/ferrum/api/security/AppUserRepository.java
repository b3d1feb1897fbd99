package io.ferrum.api.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {
    Optional<AppUser> findByUsername(String username);

    List<AppUser> findAllByOrderByUsername();

    /**
     * The ids of the enabled admins, locked until the transaction ends: two admins disabling each other at the same
     * time are serialized here, so the second sees the first's change and cannot leave no admin at all.
     */
    @Query(value = "SELECT id FROM app_user WHERE enabled AND 'admin' = ANY (roles) ORDER BY id FOR UPDATE",
            nativeQuery = true)
    List<Long> lockEnabledAdmins();
}
