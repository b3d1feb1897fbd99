package io.ferrum.provisioning.baremetal;

import io.ferrum.model.secrets.SecretCipher;
import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.ipmi.BmcTarget;
import io.ferrum.provisioning.driver.ipmi.BootDevice;
import io.ferrum.provisioning.driver.ipmi.IpmiDriver;
import io.ferrum.provisioning.driver.ipmi.PowerState;
import io.ferrum.provisioning.secrets.CredentialKind;
import io.ferrum.provisioning.secrets.CredentialStore;
import io.ferrum.provisioning.secrets.OpenedCredential;

/**
 * A server's BMC over IPMI: its address is the server's primary IP in intent, its login the most specific stored
 * {@code bmc-password} credential (encrypted at rest like every device secret).
 */
public class IpmiBmc implements BmcChannel {

    private final IpmiDriver ipmi;
    private final CredentialStore credentials;
    private final int port;
    private final Integer cipherSuite;

    /** @param cipherSuite the RMCP+ cipher suite to ask for (3 or 17), or null for ipmitool's own discovery */
    public IpmiBmc(IpmiDriver ipmi, CredentialStore credentials, int port, Integer cipherSuite) {
        this.ipmi = ipmi;
        this.credentials = credentials;
        this.port = port;
        this.cipherSuite = cipherSuite;
    }

    @Override
    public boolean poweredOn(ProvisioningStore.Server server) {
        return ipmi.powerStatus(target(server)) == PowerState.ON;
    }

    @Override
    public void powerOff(ProvisioningStore.Server server) {
        ipmi.powerOff(target(server));
    }

    @Override
    public void reboot(ProvisioningStore.Server server) {
        ipmi.powerCycle(target(server));
    }

    @Override
    public void bootFrom(ProvisioningStore.Server server, boolean network) {
        ipmi.setBootDevice(target(server), network ? BootDevice.PXE : BootDevice.DISK, true);
    }

    private BmcTarget target(ProvisioningStore.Server server) {
        OpenedCredential login;
        try {
            login = credentials.resolve(CredentialKind.BMC_PASSWORD, server.hostname()).orElseThrow(() ->
                    new DriverException(FailureReason.AUTH_FAILED, server.hostname(), "no BMC credential: store one "
                            + "(PUT /api/v1/credentials/NAME, kind bmc-password, scoped to the site or the server)"));
        } catch (SecretCipher.SecretException e) {
            throw new DriverException(FailureReason.AUTH_FAILED, server.hostname(), e.getMessage());
        }
        BmcTarget target = new BmcTarget(server.hostname(), server.bmcAddress(), port, login.username(),
                login.secret());
        return cipherSuite == null ? target : target.withCipherSuite(cipherSuite);
    }
}
