package io.ferrum.model.ipam;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A routing table; prefixes and addresses are unique inside one VRF. No VRF means the global table. */
@Entity
public class Vrf extends IntentEntity {

    @Column(nullable = false, unique = true)
    private String name;
    private String rd;

    protected Vrf() {
    }

    public Vrf(String name, String rd) {
        this.name = name;
        this.rd = rd;
    }

    @Override
    public String objectType() {
        return "vrf";
    }

    @Override
    public String displayName() {
        return name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRd() { return rd; }
    public void setRd(String rd) { this.rd = rd; }
}
