package io.ferrum.api.web;

import io.ferrum.model.common.IntentEntity;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Optimistic concurrency over HTTP: every object's ETag is its version; a write with {@code If-Match} is refused
 * with 412 when the object moved on since the caller read it.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(IntentEntity entity) {
        return "\"" + entity.getVersion() + "\"";
    }

    /** The version the caller read, or null without If-Match; {@code *} matches any version. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " is not an ETag this API gave out");
        }
    }

    /** Refuses with 412 when the If-Match header names another version. */
    public static void check(IntentEntity entity, String ifMatch) {
        Long expected = expected(ifMatch);
        if (expected != null && expected != entity.getVersion()) {
            throw new PreconditionFailedException(entity.objectType() + " " + entity.displayName() + " is at version "
                    + entity.getVersion() + ", not " + expected + "; reload it and apply your change again");
        }
    }

    public static <T> ResponseEntity<T> ok(IntentEntity entity, T body) {
        return ResponseEntity.ok().eTag(etag(entity)).body(body);
    }

    public static <T> ResponseEntity<T> created(IntentEntity entity, T body) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(entity.getId())
                .toUri();
        return ResponseEntity.created(location).eTag(etag(entity)).body(body);
    }
}
