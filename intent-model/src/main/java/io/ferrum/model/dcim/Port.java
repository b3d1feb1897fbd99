package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.ColumnTransformer;

/** A port of a device, with what we intend for it: enabled or not, and its description. */
@Entity
public class Port extends IntentEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "device_id")
    private Device device;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private PortKind kind;
    @Column(name = "speed_mbps")
    private Integer speedMbps;
    private String media;
    @ColumnTransformer(read = "mac::text", write = "?::macaddr")
    private String mac;
    @Column(nullable = false)
    private boolean enabled = true;
    private String description;

    protected Port() {
    }

    public Port(Device device, String name, PortKind kind, Integer speedMbps, String media) {
        this.device = device;
        this.name = name;
        this.kind = kind;
        this.speedMbps = speedMbps;
        this.media = media;
    }

    @Override
    public String objectType() {
        return "port";
    }

    @Override
    public String displayName() {
        return device.getHostname() + ":" + name;
    }

    public Device getDevice() { return device; }
    public String getName() { return name; }
    public PortKind getKind() { return kind; }
    public void setKind(PortKind kind) { this.kind = kind; }
    public Integer getSpeedMbps() { return speedMbps; }
    public void setSpeedMbps(Integer speedMbps) { this.speedMbps = speedMbps; }
    public String getMedia() { return media; }
    public void setMedia(String media) { this.media = media; }
    public String getMac() { return mac; }
    public void setMac(String mac) { this.mac = mac; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
}
