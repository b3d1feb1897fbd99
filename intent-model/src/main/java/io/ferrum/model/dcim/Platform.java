package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** The software a device runs, e.g. {@code sonic} of OS family {@code linux}; drivers and templates key on it. */
@Entity
public class Platform extends IntentEntity {

    @Column(nullable = false, unique = true)
    private String name;
    @Column(name = "os_family", nullable = false)
    private String osFamily;
    /** The firmware version every device of this platform should run, unless the device overrides it. */
    @Column(name = "desired_firmware")
    private String desiredFirmware;

    protected Platform() {
    }

    public Platform(String name, String osFamily) {
        this.name = name;
        this.osFamily = osFamily;
    }

    @Override
    public String objectType() {
        return "platform";
    }

    @Override
    public String displayName() {
        return name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOsFamily() { return osFamily; }
    public void setOsFamily(String osFamily) { this.osFamily = osFamily; }
    public String getDesiredFirmware() { return desiredFirmware; }
    public void setDesiredFirmware(String desiredFirmware) { this.desiredFirmware = desiredFirmware; }
}
