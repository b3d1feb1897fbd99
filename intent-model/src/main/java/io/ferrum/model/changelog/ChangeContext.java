package io.ferrum.model.changelog;

import java.util.UUID;

/**
 * Who is changing the intent, and under which request. The REST API opens a context per request, the CLI per
 * command; anything else is recorded as {@code system}.
 */
public final class ChangeContext {

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();
    private static final Actor SYSTEM = new Actor("system", null, null);

    /**
     * The actor and the request it acts in; both ids may be null (system work).
     *
     * @param requestId       the request id as the client gave it ({@code X-Request-Id}), or the server's when it gave
     *                        none: clients choose it, so two clients may well send the same one
     * @param serverRequestId the id this server made up for the request: unique, so it tells two requests apart
     */
    public record Actor(String name, String requestId, String serverRequestId) {
    }

    private ChangeContext() {
    }

    public static Actor current() {
        Actor actor = CURRENT.get();
        return actor == null ? SYSTEM : actor;
    }

    /** Acts as {@code name} until the returned scope is closed, under a fresh server request id. */
    public static Scope open(String name, String requestId) {
        return open(name, requestId, UUID.randomUUID().toString());
    }

    /** Acts as {@code name} in the request the client calls {@code requestId} and the server {@code serverRequestId}. */
    public static Scope open(String name, String requestId, String serverRequestId) {
        return open(new Actor(name, requestId, serverRequestId));
    }

    /** Acts as {@code actor} (taken from {@link #current()} on another thread) until the scope is closed. */
    public static Scope open(Actor actor) {
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Restores the previous actor when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
