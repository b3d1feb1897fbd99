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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their passwords and API tokens. */
@Service
@Transactional
public class UserService {

    /** bcrypt hashes only the first 72 bytes; a longer password would silently match any with the same start. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppUserRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwords;

    public UserService(AppUserRepository users, ApiTokenRepository tokens, PasswordEncoder passwords) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
    }

    public AppUser create(String username, String password, List<Role> roles) {
        new Problems()
                .check(username != null && username.matches("^[a-z0-9][a-z0-9._-]{0,63}$"), "username",
                        "expected lowercase letters, digits, '.', '_' or '-'")
                .check(password != null && password.length() >= 12, "password", "expected at least 12 characters")
                .check(password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES,
                        "password", "expected at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8: bcrypt ignores the rest")
                .check(roles != null && !roles.isEmpty(), "roles", "expected at least one role")
                .check(roles == null || roles.stream().noneMatch(java.util.Objects::isNull), "roles", "expected roles such as viewer, found null")
                .throwIfAny();
        users.findByUsername(username).ifPresent(u -> {
            throw IntentException.conflict("username", "user " + username + " already exists");
        });
        return users.save(new AppUser(username, passwords.encode(password), roles));
    }

    /** Creates an API token and returns its secret, which is shown once and never stored. */
    public IssuedToken issueToken(String username, String name, Instant expiresAt) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> IntentException.notFound("username", "no user " + username));
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
        return new IssuedToken(saved.getId(), name, token, expiresAt);
    }

    @Transactional(readOnly = true)
    public Optional<AppUser> byToken(String token) {
        return tokens.findByTokenHash(hash(token)).filter(t -> !t.expired(Instant.now())).map(ApiToken::getUser)
                .filter(AppUser::isEnabled);
    }

    @Transactional(readOnly = true)
    public Optional<AppUser> byUsername(String username) {
        return users.findByUsername(username);
    }

    /** Makes sure user {@code admin} exists; returns the generated password when one had to be made up. */
    public Optional<String> ensureAdmin(String configuredPassword) {
        if (users.findByUsername("admin").isPresent()) {
            return Optional.empty();
        }
        boolean generate = configuredPassword == null || configuredPassword.isBlank();
        String password = generate ? randomPassword() : configuredPassword;
        users.save(new AppUser("admin", passwords.encode(password), List.of(Role.ADMIN)));
        return generate ? Optional.of(password) : Optional.empty();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
