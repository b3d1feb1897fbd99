package io.ferrum.provisioning.baremetal;

/**
 * Power and boot device of one server through its BMC. Every call is bounded by the driver's timeouts and fails with
 * a typed {@link io.ferrum.provisioning.driver.DriverException} (UNREACHABLE, AUTH_FAILED, TIMEOUT ...).
 */
public interface BmcChannel {

    boolean poweredOn(ProvisioningStore.Server server);

    void powerOff(ProvisioningStore.Server server);

    /** Power cycles a running server, powers on a stopped one (Ironic's reboot). */
    void reboot(ProvisioningStore.Server server);

    /** The next boots go to the network (iPXE) or to the local disk. */
    void bootFrom(ProvisioningStore.Server server, boolean network);
}
