package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A rack: racks differ from site to site in height and power budget, recorded here rather than assumed. */
@Entity
public class Rack extends IntentEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    private Site site;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id")
    private Location location;
    @Column(nullable = false)
    private String name;
    @Column(name = "height_u", nullable = false)
    private int heightU;
    @Column(name = "power_budget_w", nullable = false)
    private int powerBudgetW;
    private String profile;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();

    protected Rack() {
    }

    public Rack(Site site, String name, int heightU, int powerBudgetW) {
        this.site = site;
        this.name = name;
        this.heightU = heightU;
        this.powerBudgetW = powerBudgetW;
    }

    @Override
    public String objectType() {
        return "rack";
    }

    @Override
    public String displayName() {
        return name;
    }

    public Site getSite() { return site; }
    public Location getLocation() { return location; }
    public void setLocation(Location location) { this.location = location; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public int getHeightU() { return heightU; }
    public void setHeightU(int heightU) { this.heightU = heightU; }
    public int getPowerBudgetW() { return powerBudgetW; }
    public void setPowerBudgetW(int powerBudgetW) { this.powerBudgetW = powerBudgetW; }
    public String getProfile() { return profile; }
    public void setProfile(String profile) { this.profile = profile; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = new ArrayList<>(tags); }
}
