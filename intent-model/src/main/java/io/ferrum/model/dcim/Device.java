package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A physical device. Its metadata lives in fields and tags, never in the hostname. Ports come from its type's
 * templates when it is created.
 */
@Entity
public class Device extends IntentEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    private Site site;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rack_id")
    private Rack rack;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "device_type_id")
    private DeviceType deviceType;
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "platform_id")
    private Platform platform;
    @Column(nullable = false, unique = true)
    private String hostname;
    @Column(nullable = false)
    private DeviceRole role;
    @Column(unique = true)
    private String serial;
    @Column(name = "asset_tag", unique = true)
    private String assetTag;
    @Column(nullable = false)
    private DeviceStatus status = DeviceStatus.PLANNED;
    private RackFace face;
    @Column(name = "position_u")
    private Integer positionU;
    /** Kept as an id: addresses belong to IPAM, which points at ports, so dcim does not point back. */
    @Column(name = "primary_ip_id")
    private Long primaryIpId;
    /** Overrides the platform's desired firmware for this device (held back, or tried ahead); null follows it. */
    @Column(name = "desired_firmware")
    private String desiredFirmware;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();
    @OneToMany(mappedBy = "device", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Port> ports = new ArrayList<>();

    protected Device() {
    }

    public Device(Site site, String hostname, DeviceRole role, DeviceType deviceType) {
        this.site = site;
        this.hostname = hostname;
        this.role = role;
        this.deviceType = deviceType;
        this.ports.addAll(deviceType.newPorts(this));
    }

    @Override
    public String objectType() {
        return "device";
    }

    @Override
    public String displayName() {
        return hostname;
    }

    /** Where the device sits, if it is racked. */
    public Optional<RackPlacement> placement() {
        if (rack == null || positionU == null || face == null) {
            return Optional.empty();
        }
        return Optional.of(new RackPlacement(face, positionU, deviceType.getUHeight(), deviceType.isFullDepth()));
    }

    public Optional<Port> port(String name) {
        return ports.stream().filter(p -> p.getName().equals(name)).findFirst();
    }

    public Site getSite() { return site; }
    public Rack getRack() { return rack; }
    public void setRack(Rack rack) { this.rack = rack; }
    public DeviceType getDeviceType() { return deviceType; }
    public Platform getPlatform() { return platform; }
    public void setPlatform(Platform platform) { this.platform = platform; }
    public String getDesiredFirmware() { return desiredFirmware; }
    public void setDesiredFirmware(String desiredFirmware) { this.desiredFirmware = desiredFirmware; }

    /** The firmware this device should run: its own override, else its platform's; null when intent wants none. */
    public String effectiveDesiredFirmware() {
        if (desiredFirmware != null) {
            return desiredFirmware;
        }
        return platform == null ? null : platform.getDesiredFirmware();
    }
    public String getHostname() { return hostname; }
    public void setHostname(String hostname) { this.hostname = hostname; }
    public DeviceRole getRole() { return role; }
    public void setRole(DeviceRole role) { this.role = role; }
    public String getSerial() { return serial; }
    public void setSerial(String serial) { this.serial = serial; }
    public String getAssetTag() { return assetTag; }
    public void setAssetTag(String assetTag) { this.assetTag = assetTag; }
    public DeviceStatus getStatus() { return status; }
    public void setStatus(DeviceStatus status) { this.status = status; }
    public RackFace getFace() { return face; }
    public void setFace(RackFace face) { this.face = face; }
    public Integer getPositionU() { return positionU; }
    public void setPositionU(Integer positionU) { this.positionU = positionU; }
    public Long getPrimaryIpId() { return primaryIpId; }
    public void setPrimaryIpId(Long primaryIpId) { this.primaryIpId = primaryIpId; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = new ArrayList<>(tags); }
    public List<Port> getPorts() { return ports; }
}
