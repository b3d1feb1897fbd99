package io.ferrum.api.security;

import io.ferrum.model.common.FieldProblem;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users, their roles and passwords. Every change is in the change log ({@link UserAudit}); no change may leave the
 * system without an enabled admin, since only an admin can enable anyone again.
 */
@Service
@Transactional
public class UserService {

    /** bcrypt hashes only the first 72 bytes; a longer password would silently match any with the same start. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 12;
    /** {@code /api/v1/users/me} names the caller, so no one may be called that. */
    private static final String RESERVED = "me";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final UserAudit audit;

    public UserService(AppUserRepository users, PasswordEncoder passwords, UserAudit audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    public AppUser create(String username, String password, List<Role> roles) {
        Problems problems = new Problems()
                .check(username != null && username.matches("^[a-z0-9][a-z0-9._-]{0,63}$"), "username",
                        "expected lowercase letters, digits, '.', '_' or '-'")
                .check(!RESERVED.equals(username), "username", "'me' is reserved: /api/v1/users/me is the caller");
        checkPassword(problems, "password", password);
        checkRoles(problems, roles);
        problems.throwIfAny();
        users.findByUsername(username).ifPresent(u -> {
            throw IntentException.conflict("username", "user " + username + " already exists");
        });
        AppUser user = users.save(new AppUser(username, passwords.encode(password), roles));
        audit.created(user);
        return user;
    }

    @Transactional(readOnly = true)
    public List<AppUser> list() {
        return users.findAllByOrderByUsername();
    }

    @Transactional(readOnly = true)
    public Optional<AppUser> byUsername(String username) {
        return users.findByUsername(username);
    }

    /** The user, or a 404 naming {@code username}. */
    @Transactional(readOnly = true)
    public AppUser get(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> IntentException.notFound("username", "no user " + username));
    }

    /** Replaces a user's roles; taking admin from the last enabled admin is refused. */
    public AppUser changeRoles(String username, List<Role> roles) {
        Problems problems = new Problems();
        checkRoles(problems, roles);
        problems.throwIfAny();
        List<Long> admins = users.lockEnabledAdmins();
        AppUser user = get(username);
        if (!roles.contains(Role.ADMIN)) {
            refuseLastAdmin(user, admins, "roles", "taking admin from them");
        }
        Map<String, Object> before = UserAudit.logged(user);
        user.setRoles(roles.stream().distinct().toList());
        audit.changed(before, user);
        return user;
    }

    /** Enables or disables a user: a disabled user's password and tokens stop working at once. */
    public AppUser setEnabled(String username, boolean enabled) {
        List<Long> admins = users.lockEnabledAdmins();
        AppUser user = get(username);
        if (user.isEnabled() == enabled) {
            return user;
        }
        if (!enabled) {
            refuseLastAdmin(user, admins, "username", "disabling them");
        }
        Map<String, Object> before = UserAudit.logged(user);
        user.setEnabled(enabled);
        audit.changed(before, user);
        return user;
    }

    /** The user's own change: the current password must be right; a wrong one is {@link WrongPassword}. */
    public void changePassword(String username, String currentPassword, String newPassword) {
        new Problems().check(currentPassword != null && !currentPassword.isEmpty(), "currentPassword", "is required")
                .throwIfAny();
        AppUser user = get(username);
        if (user.getPasswordHash() == null || !passwords.matches(currentPassword, user.getPasswordHash())) {
            throw new WrongPassword();
        }
        setPassword(user, newPassword);
    }

    /** An admin sets someone's password, e.g. one they forgot. */
    public void resetPassword(String username, String newPassword) {
        setPassword(get(username), newPassword);
    }

    private void setPassword(AppUser user, String newPassword) {
        Problems problems = new Problems();
        checkPassword(problems, "newPassword", newPassword);
        problems.throwIfAny();
        Map<String, Object> before = UserAudit.logged(user);
        user.changePassword(passwords.encode(newPassword), Instant.now());
        audit.changed(before, user);
    }

    /** Makes sure user {@code admin} exists; returns the generated password when one had to be made up. */
    public Optional<String> ensureAdmin(String configuredPassword) {
        if (users.findByUsername("admin").isPresent()) {
            return Optional.empty();
        }
        boolean generate = configuredPassword == null || configuredPassword.isBlank();
        String password = generate ? randomPassword() : configuredPassword;
        audit.created(users.save(new AppUser("admin", passwords.encode(password), List.of(Role.ADMIN))));
        return generate ? Optional.of(password) : Optional.empty();
    }

    private static void refuseLastAdmin(AppUser user, List<Long> enabledAdmins, String field, String what) {
        if (enabledAdmins.size() == 1 && enabledAdmins.contains(user.getId())) {
            throw IntentException.conflict(field, user.getUsername() + " is the last enabled admin; " + what
                    + " would leave no one to manage users: make or enable another admin first");
        }
    }

    private static void checkPassword(Problems problems, String field, String password) {
        problems.check(password != null && password.length() >= MIN_PASSWORD_LENGTH, field,
                        "expected at least " + MIN_PASSWORD_LENGTH + " characters")
                .check(password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES,
                        field, "expected at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8: bcrypt ignores the rest");
    }

    private static void checkRoles(Problems problems, List<Role> roles) {
        problems.check(roles != null && !roles.isEmpty(), "roles", "expected at least one role")
                .check(roles == null || roles.stream().noneMatch(Objects::isNull), "roles",
                        "expected roles such as viewer, found null");
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The current password given to change it is wrong: 422 naming {@code currentPassword}. */
    static final class WrongPassword extends IntentException {
        WrongPassword() {
            super(Reason.INVALID, List.of(new FieldProblem("currentPassword", "does not match your current password")));
        }
    }
}
