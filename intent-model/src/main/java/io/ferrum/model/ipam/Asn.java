package io.ferrum.model.ipam;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One AS number taken from a pool, keyed by what it was allocated for. */
@Entity
public class Asn extends IntentEntity {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "pool_id")
    private AsnPool pool;
    @Column(nullable = false, unique = true)
    private long asn;
    @Column(name = "allocation_key", unique = true)
    private String allocationKey;
    private String description;

    protected Asn() {
    }

    public Asn(AsnPool pool, long asn, String allocationKey) {
        this.pool = pool;
        this.asn = asn;
        this.allocationKey = allocationKey;
    }

    @Override
    public String objectType() {
        return "asn";
    }

    @Override
    public String displayName() {
        return "AS" + asn;
    }

    public AsnPool getPool() { return pool; }
    public long getAsn() { return asn; }
    public String getAllocationKey() { return allocationKey; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
