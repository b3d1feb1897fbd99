package io.ferrum.standards.plan;

import java.util.List;

/**
 * One object apply will create, change, replace or delete. {@code key} is its natural key (hostname, cable label,
 * allocation key …); {@code attributes} lists every attribute that differs, or every attribute set on create.
 */
public record Change(ChangeAction action, String objectType, String key, List<AttributeChange> attributes,
                     String reason) {

    public Change {
        attributes = List.copyOf(attributes);
    }
}
