package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A room or cage inside a site; locations may nest (a cage inside a room). */
@Entity
public class Location extends IntentEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    private Site site;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Location parent;
    @Column(nullable = false)
    private String name;

    protected Location() {
    }

    public Location(Site site, String name, Location parent) {
        this.site = site;
        this.name = name;
        this.parent = parent;
    }

    @Override
    public String objectType() {
        return "location";
    }

    @Override
    public String displayName() {
        return name;
    }

    public Site getSite() { return site; }
    public Location getParent() { return parent; }
    public void setParent(Location parent) { this.parent = parent; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
