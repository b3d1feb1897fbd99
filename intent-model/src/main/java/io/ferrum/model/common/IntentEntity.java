package io.ferrum.model.common;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * Every intent object: an id from the shared sequence (reserved 100 at a time, so bulk creates batch) and a version
 * for optimistic concurrency.
 */
@MappedSuperclass
public abstract class IntentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ferrum_id")
    @SequenceGenerator(name = "ferrum_id", sequenceName = "ferrum_id_seq", allocationSize = 100)
    private Long id;

    @Version
    @Column(nullable = false)
    private long version;

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    /** The kind of object as the change log and error messages name it, e.g. {@code device}. */
    public abstract String objectType();

    /** A short human name for messages, e.g. a hostname or {@code leaf01:Ethernet1}. */
    public abstract String displayName();
}
