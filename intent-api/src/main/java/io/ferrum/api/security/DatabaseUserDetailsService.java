package io.ferrum.api.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * HTTP Basic logins against the users table. The last good answer for each user is kept in memory (name, bcrypt
 * hash, roles, enabled): while the database is unreachable, a user this node has seen logs in from it, the password
 * still checked against the hash. That is what lets an operator engage the exchange kill switch with PostgreSQL
 * down; every endpoint that needs the database still answers 503. After a failure the database is not asked again
 * for a few seconds, so such logins do not each wait for the connection timeout.
 */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUserDetailsService.class);
    private static final long SKIP_AFTER_FAILURE_NANOS = java.time.Duration.ofSeconds(5).toNanos();

    /** What a login needs of a user, copied: Spring erases the password of the UserDetails it is given. */
    private record Known(String username, String passwordHash, boolean enabled, List<String> authorities) {
        UserDetails details() {
            return User.withUsername(username).password(passwordHash).disabled(!enabled)
                    .authorities(authorities.stream().map(SimpleGrantedAuthority::new).toList()).build();
        }
    }

    private final UserService users;
    private final Map<String, Known> lastKnown = new ConcurrentHashMap<>();
    private volatile long databaseFailedAt;

    DatabaseUserDetailsService(UserService users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Known cached = lastKnown.get(username);
        if (cached != null && databaseFailedAt != 0 && System.nanoTime() - databaseFailedAt < SKIP_AFTER_FAILURE_NANOS) {
            return cached.details();
        }
        AppUser user;
        try {
            user = users.byUsername(username).orElse(null);
        } catch (DataAccessException | TransactionException e) {
            databaseFailedAt = System.nanoTime();
            if (cached == null) {
                throw e;
            }
            log.warn("database unreachable: {} logs in from this node's last known credentials", username);
            return cached.details();
        }
        databaseFailedAt = 0;
        if (user == null) {
            lastKnown.remove(username);
            throw new UsernameNotFoundException(username);
        }
        Known known = new Known(user.getUsername(), user.getPasswordHash() == null ? "" : user.getPasswordHash(),
                user.isEnabled(), user.roles().stream().map(r -> r.authority()).toList());
        lastKnown.put(username, known);
        return known.details();
    }
}
