package io.ferrum.api.security;

import io.ferrum.model.changelog.AuditRecorder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Puts user and token management into the change log, as object types {@code user} and {@code api-token}. What is
 * logged is chosen here, field by field: never a password, a password hash or a token (nor its hash); a password
 * change shows as a new {@code passwordChangedAt}.
 */
@Component
class UserAudit {

    static final String USER = "user";
    static final String TOKEN = "api-token";

    private final AuditRecorder recorder;

    UserAudit(AuditRecorder recorder) {
        this.recorder = recorder;
    }

    void created(AppUser user) {
        recorder.record("create", USER, user.getId(), null, logged(user));
    }

    /** @param before the user as {@link #logged(AppUser)} showed it before the change */
    void changed(Map<String, Object> before, AppUser user) {
        recorder.record("update", USER, user.getId(), before, logged(user));
    }

    void created(ApiToken token) {
        recorder.record("create", TOKEN, token.getId(), null, logged(token));
    }

    void revoked(ApiToken token) {
        recorder.record("delete", TOKEN, token.getId(), logged(token), null);
    }

    static Map<String, Object> logged(AppUser user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", user.getId());
        fields.put("username", user.getUsername());
        fields.put("roles", user.roles().stream().map(Role::wire).toList());
        fields.put("enabled", user.isEnabled());
        fields.put("passwordChangedAt", text(user.getPasswordChangedAt()));
        return fields;
    }

    private static Map<String, Object> logged(ApiToken token) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", token.getId());
        fields.put("user", token.getUser().getUsername());
        fields.put("name", token.getName());
        fields.put("createdAt", text(token.getCreatedAt()));
        fields.put("expiresAt", text(token.getExpiresAt()));
        return fields;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
