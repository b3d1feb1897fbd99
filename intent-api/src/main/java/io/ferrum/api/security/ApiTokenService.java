package io.ferrum.api.security;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: minted by their user, listed and revoked by their user or an admin. A token is looked up on every
 * request, so a revoked token (its row deleted) or one of a disabled user stops working at once.
 */
@Service
@Transactional
public class ApiTokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final UserService users;
    private final UserAudit audit;
    private final JdbcTemplate jdbc;

    public ApiTokenService(ApiTokenRepository tokens, UserService users, UserAudit audit, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
    }

    /** Creates an API token and returns its secret, which is shown once and never stored. */
    public IssuedToken issue(String username, String name, Instant expiresAt) {
        AppUser user = users.get(username);
        new Problems().check(name != null && !name.isBlank(), "name", "is required")
                .check(expiresAt == null || expiresAt.isAfter(Instant.now()), "expiresAt",
                        "is in the past (" + expiresAt + "); a token must expire in the future, or give none")
                .throwIfAny();
        if (tokens.existsByUserAndName(user, name)) {
            throw IntentException.conflict("name", "user " + username + " already has a token named " + name);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "fer_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(user, name, hash(token), expiresAt));
        audit.created(saved);
        return new IssuedToken(saved.getId(), name, token, expiresAt);
    }

    /** The user's tokens, expired ones included (they show when they expired); never their secrets. */
    @Transactional(readOnly = true)
    public List<ApiToken> of(String username) {
        return tokens.findByUserOrderByName(users.get(username));
    }

    /** Deletes one of the user's tokens; a token of someone else is as unknown as one that never existed. */
    public void revoke(String username, long id) {
        AppUser user = users.get(username);
        ApiToken token = tokens.findById(id).filter(t -> t.getUser().getId().equals(user.getId()))
                .orElseThrow(() -> IntentException.notFound("id", "user " + username + " has no token with id " + id));
        tokens.delete(token);
        audit.revoked(token);
    }

    /**
     * Who presents {@code token}, if it is known, unexpired and its user enabled. Runs on every request of a token
     * client, so it is one indexed query outside any transaction: through JPA it took a read-only transaction, an
     * entity load and several round trips, a fifth of the CPU of a small request (BENCHMARKS.md, IPAM allocation).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<Bearer> byToken(String token) {
        return jdbc.query("SELECT u.username, u.roles FROM api_token t JOIN app_user u ON u.id = t.user_id "
                + "WHERE t.token_hash = ? AND u.enabled AND (t.expires_at IS NULL OR t.expires_at >= now())",
                (rs, row) -> new Bearer(rs.getString(1), java.util.Arrays.stream((String[]) rs.getArray(2).getArray())
                        .map(Role::of).toList()), hash(token)).stream().findFirst();
    }

    /** The user an API token signs in. */
    public record Bearer(String username, List<Role> roles) {
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A token as issued: the secret appears only here. */
    public record IssuedToken(long id, String name, String token, Instant expiresAt) {
    }
}
