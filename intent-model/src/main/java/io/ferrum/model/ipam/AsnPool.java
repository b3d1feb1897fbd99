package io.ferrum.model.ipam;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A range of BGP AS numbers to allocate from, e.g. private 4-byte ASNs for a site's leafs. */
@Entity
@jakarta.persistence.Table(name = "asn_pool")
public class AsnPool extends IntentEntity {

    @Column(nullable = false, unique = true)
    private String name;
    @Column(name = "range_start", nullable = false)
    private long rangeStart;
    @Column(name = "range_end", nullable = false)
    private long rangeEnd;

    protected AsnPool() {
    }

    public AsnPool(String name, long rangeStart, long rangeEnd) {
        this.name = name;
        this.rangeStart = rangeStart;
        this.rangeEnd = rangeEnd;
    }

    @Override
    public String objectType() {
        return "asn-pool";
    }

    @Override
    public String displayName() {
        return name;
    }

    public String getName() { return name; }
    public long getRangeStart() { return rangeStart; }
    public long getRangeEnd() { return rangeEnd; }
}
