package io.ferrum.model.ipam;

import io.ferrum.model.common.IntentEntity;
import io.ferrum.model.dcim.Site;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A VLAN, unique by VID within its site (or globally when it has no site). */
@Entity
public class Vlan extends IntentEntity {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "site_id")
    private Site site;
    @Column(nullable = false)
    private int vid;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private IpStatus status = IpStatus.ACTIVE;

    protected Vlan() {
    }

    public Vlan(Site site, int vid, String name) {
        this.site = site;
        this.vid = vid;
        this.name = name;
    }

    @Override
    public String objectType() {
        return "vlan";
    }

    @Override
    public String displayName() {
        return vid + " (" + name + ")";
    }

    public Site getSite() { return site; }
    public int getVid() { return vid; }
    public void setVid(int vid) { this.vid = vid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public IpStatus getStatus() { return status; }
    public void setStatus(IpStatus status) { this.status = status; }
}
