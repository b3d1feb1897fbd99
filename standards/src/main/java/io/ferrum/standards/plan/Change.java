package io.ferrum.standards.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One object apply will create, change, replace or delete. {@code key} is its natural key (hostname, cable label,
 * allocation key …); {@code attributes} lists every attribute that differs, or every attribute set on create.
 * On the wire the kind is {@code objectType}, its lowercase name.
 */
public record Change(ChangeAction action, @JsonProperty("objectType") ObjectKind kind, String key,
                     List<AttributeChange> attributes, String reason) {

    public Change {
        attributes = List.copyOf(attributes);
    }

    /** The kind's wire name, e.g. {@code device}. */
    @JsonIgnore
    public String objectType() {
        return kind.wire();
    }
}
