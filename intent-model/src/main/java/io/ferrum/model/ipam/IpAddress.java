package io.ferrum.model.ipam;

import io.ferrum.model.common.IntentEntity;
import io.ferrum.model.dcim.Port;
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

/** An address with the mask length of its prefix ({@code 10.0.0.5/24}), optionally assigned to a port. */
@Entity
@jakarta.persistence.Table(name = "ip_address")
public class IpAddress extends IntentEntity {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "prefix_id")
    private Prefix prefix;
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "vrf_id")
    private Vrf vrf;
    @Column(nullable = false)
    @ColumnTransformer(read = "address::text", write = "?::inet")
    private String address;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "port_id")
    private Port port;
    @Column(name = "dns_name")
    private String dnsName;
    @Column(nullable = false)
    private IpStatus status = IpStatus.ACTIVE;
    private String description;
    @Column(name = "allocation_key", unique = true)
    private String allocationKey;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();

    protected IpAddress() {
    }

    public IpAddress(Prefix prefix, String address) {
        this.prefix = prefix;
        this.vrf = prefix.getVrf();
        this.address = address;
    }

    @Override
    public String objectType() {
        return "ip-address";
    }

    @Override
    public String displayName() {
        return address;
    }

    /** The address without its mask length. */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    public Prefix getPrefix() { return prefix; }
    public Vrf getVrf() { return vrf; }
    public String getAddress() { return address; }
    public Port getPort() { return port; }
    public void setPort(Port port) { this.port = port; }
    public String getDnsName() { return dnsName; }
    public void setDnsName(String dnsName) { this.dnsName = dnsName; }
    public IpStatus getStatus() { return status; }
    public void setStatus(IpStatus status) { this.status = status; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getAllocationKey() { return allocationKey; }
    public void setAllocationKey(String allocationKey) { this.allocationKey = allocationKey; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = new ArrayList<>(tags); }
}
