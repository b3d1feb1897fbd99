package io.ferrum.model.changelog;

/**
 * Who is changing the intent, and under which request. The REST API opens a context per request, the CLI per
 * command; anything else is recorded as {@code system}.
 */
public final class ChangeContext {

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();
    private static final Actor SYSTEM = new Actor("system", null);

    /** The actor and the request it acts in; the request id may be null. */
    public record Actor(String name, String requestId) {
    }

    private ChangeContext() {
    }

    public static Actor current() {
        Actor actor = CURRENT.get();
        return actor == null ? SYSTEM : actor;
    }

    /** Acts as {@code name} until the returned scope is closed. */
    public static Scope open(String name, String requestId) {
        Actor previous = CURRENT.get();
        CURRENT.set(new Actor(name, requestId));
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
