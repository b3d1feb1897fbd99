package io.ferrum.model.ipam;

import io.ferrum.model.common.IntentEntity;
import io.ferrum.model.dcim.Site;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A block of address space in CIDR form. Prefixes nest: the hierarchy is computed from containment, as NetBox does,
 * rather than stored, so it can never disagree with the addresses themselves.
 */
@Entity
public class Prefix extends IntentEntity {

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "vrf_id")
    private Vrf vrf;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "site_id")
    private Site site;
    @Column(nullable = false)
    @ColumnTransformer(read = "prefix::text", write = "?::cidr")
    private String prefix;
    @Column(nullable = false)
    private PrefixRole role;
    @Column(nullable = false)
    private IpStatus status = IpStatus.ACTIVE;
    private String description;
    @Column(name = "allocation_key", unique = true)
    private String allocationKey;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();

    protected Prefix() {
    }

    public Prefix(Vrf vrf, String prefix, PrefixRole role) {
        this.vrf = vrf;
        this.prefix = prefix;
        this.role = role;
    }

    @Override
    public String objectType() {
        return "prefix";
    }

    @Override
    public String displayName() {
        return vrf == null ? prefix : vrf.getName() + ":" + prefix;
    }

    public Cidr cidr() {
        return Cidr.parse(prefix);
    }

    public Vrf getVrf() { return vrf; }
    public Site getSite() { return site; }
    public void setSite(Site site) { this.site = site; }
    public String getPrefix() { return prefix; }
    public PrefixRole getRole() { return role; }
    public void setRole(PrefixRole role) { this.role = role; }
    public IpStatus getStatus() { return status; }
    public void setStatus(IpStatus status) { this.status = status; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getAllocationKey() { return allocationKey; }
    public void setAllocationKey(String allocationKey) { this.allocationKey = allocationKey; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = new ArrayList<>(tags); }
}
