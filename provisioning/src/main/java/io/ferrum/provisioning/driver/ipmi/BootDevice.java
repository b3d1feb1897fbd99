package io.ferrum.provisioning.driver.ipmi;

/** The boot devices Ferrum sets through {@code chassis bootdev}. */
public enum BootDevice {
    /** Network boot: {@code bootdev pxe}, boot device selector "Force PXE". */
    PXE("pxe"),
    /** The default hard drive: {@code bootdev disk}, selector "Force Boot from default Hard-Drive". */
    DISK("disk");

    private final String ipmitoolName;

    BootDevice(String ipmitoolName) {
        this.ipmitoolName = ipmitoolName;
    }

    /** The name {@code ipmitool chassis bootdev} takes. */
    public String ipmitoolName() {
        return ipmitoolName;
    }
}
