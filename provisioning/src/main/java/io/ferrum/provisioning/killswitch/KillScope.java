package io.ferrum.provisioning.killswitch;

import java.util.Locale;

/**
 * What an engage covers: one exchange ({@code XAMS}), one kill-switch group, one site, or every exchange-facing link.
 *
 * @param value the exchange code, group or site code; null for {@link Kind#ALL}
 */
public record KillScope(Kind kind, String value) {

    public enum Kind {
        EXCHANGE, GROUP, SITE, ALL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KillScope {
        if (kind == null) {
            throw new IllegalArgumentException("a scope needs a kind: exchange, group, site or all");
        }
        if (kind != Kind.ALL && (value == null || value.isBlank())) {
            throw new IllegalArgumentException("a " + kind.wire() + " scope needs a value");
        }
        value = kind == Kind.ALL ? null : value.trim();
    }

    public static KillScope all() {
        return new KillScope(Kind.ALL, null);
    }

    public boolean covers(KillLink link) {
        return switch (kind) {
            case EXCHANGE -> link.exchange().equals(value);
            case GROUP -> link.group().equals(value);
            case SITE -> link.site().equals(value);
            case ALL -> true;
        };
    }

    /** {@code exchange XAMS}, {@code all}: how people and the audit trail name it. */
    public String text() {
        return kind == Kind.ALL ? "all" : kind.wire() + " " + value;
    }
}
