package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** Who makes a device type. */
@Entity
public class Manufacturer extends IntentEntity {

    @Column(nullable = false, unique = true)
    private String name;

    protected Manufacturer() {
    }

    public Manufacturer(String name) {
        this.name = name;
    }

    @Override
    public String objectType() {
        return "manufacturer";
    }

    @Override
    public String displayName() {
        return name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
