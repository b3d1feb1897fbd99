package io.ferrum.model.exchange;

import io.ferrum.model.common.IntentEntity;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.Port;
import io.ferrum.model.dcim.Site;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An exchange hand-off: the exchange's circuit landing on our device's ports. The kill switch finds every
 * exchange-facing port through these, grouped by {@code killSwitchGroup}.
 */
@Entity
@jakarta.persistence.Table(name = "exchange_connection")
public class ExchangeConnection extends IntentEntity {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "exchange_id")
    private Exchange exchange;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    private Site site;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "device_id")
    private Device device;
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "exchange_connection_port", joinColumns = @JoinColumn(name = "connection_id"),
            inverseJoinColumns = @JoinColumn(name = "port_id"))
    @OrderBy("name")
    private List<Port> ports = new ArrayList<>();
    @Column(name = "circuit_id", nullable = false, unique = true)
    private String circuitId;
    @Column(name = "kill_switch_group", nullable = false)
    private String killSwitchGroup;
    @Column(nullable = false)
    private ConnectionStatus status = ConnectionStatus.PLANNED;
    private String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();

    protected ExchangeConnection() {
    }

    public ExchangeConnection(Exchange exchange, Site site, Device device, String circuitId, String killSwitchGroup) {
        this.exchange = exchange;
        this.site = site;
        this.device = device;
        this.circuitId = circuitId;
        this.killSwitchGroup = killSwitchGroup;
    }

    @Override
    public String objectType() {
        return "exchange-connection";
    }

    @Override
    public String displayName() {
        return circuitId;
    }

    public Exchange getExchange() { return exchange; }
    public Site getSite() { return site; }
    public Device getDevice() { return device; }
    public void setDevice(Device device) { this.device = device; }
    public List<Port> getPorts() { return ports; }
    public void setPorts(List<Port> ports) { this.ports = new ArrayList<>(ports); }
    public String getCircuitId() { return circuitId; }
    public void setCircuitId(String circuitId) { this.circuitId = circuitId; }
    public String getKillSwitchGroup() { return killSwitchGroup; }
    public void setKillSwitchGroup(String killSwitchGroup) { this.killSwitchGroup = killSwitchGroup; }
    public ConnectionStatus getStatus() { return status; }
    public void setStatus(ConnectionStatus status) { this.status = status; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = new ArrayList<>(tags); }
}
