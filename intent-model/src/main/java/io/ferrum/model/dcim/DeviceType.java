package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import java.util.ArrayList;
import java.util.List;

/** A model of hardware: its size, power draw and the ports every device of the type is born with. */
@Entity
@jakarta.persistence.Table(name = "device_type")
public class DeviceType extends IntentEntity {

    @Column(nullable = false, unique = true)
    private String slug;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "manufacturer_id")
    private Manufacturer manufacturer;
    @Column(nullable = false)
    private String model;
    @Column(name = "u_height", nullable = false)
    private int uHeight;
    @Column(name = "full_depth", nullable = false)
    private boolean fullDepth = true;
    @Column(name = "typical_power_w", nullable = false)
    private int typicalPowerW;
    @Column(name = "max_power_w", nullable = false)
    private int maxPowerW;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "port_template", joinColumns = @JoinColumn(name = "device_type_id"))
    @OrderColumn(name = "position")
    private List<PortTemplate> portTemplates = new ArrayList<>();

    protected DeviceType() {
    }

    public DeviceType(String slug, Manufacturer manufacturer, String model, int uHeight) {
        this.slug = slug;
        this.manufacturer = manufacturer;
        this.model = model;
        this.uHeight = uHeight;
    }

    @Override
    public String objectType() {
        return "device-type";
    }

    @Override
    public String displayName() {
        return slug;
    }

    /** Every port a new device of this type gets, in template order. */
    public List<Port> newPorts(Device device) {
        List<Port> ports = new ArrayList<>();
        for (PortTemplate template : portTemplates) {
            for (String name : PortNamePattern.expand(template.namePattern())) {
                ports.add(new Port(device, name, template.kind(), template.speedMbps(), template.media()));
            }
        }
        return ports;
    }

    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public Manufacturer getManufacturer() { return manufacturer; }
    public void setManufacturer(Manufacturer manufacturer) { this.manufacturer = manufacturer; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public int getUHeight() { return uHeight; }
    public void setUHeight(int uHeight) { this.uHeight = uHeight; }
    public boolean isFullDepth() { return fullDepth; }
    public void setFullDepth(boolean fullDepth) { this.fullDepth = fullDepth; }
    public int getTypicalPowerW() { return typicalPowerW; }
    public void setTypicalPowerW(int typicalPowerW) { this.typicalPowerW = typicalPowerW; }
    public int getMaxPowerW() { return maxPowerW; }
    public void setMaxPowerW(int maxPowerW) { this.maxPowerW = maxPowerW; }
    public List<PortTemplate> getPortTemplates() { return portTemplates; }
    public void setPortTemplates(List<PortTemplate> portTemplates) { this.portTemplates = new ArrayList<>(portTemplates); }
}
