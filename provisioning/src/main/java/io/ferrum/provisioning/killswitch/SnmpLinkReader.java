package io.ferrum.provisioning.killswitch;

import io.ferrum.provisioning.driver.snmp.IfStatus;
import io.ferrum.provisioning.driver.snmp.InterfaceStatus;
import io.ferrum.provisioning.driver.snmp.SnmpClient;
import io.ferrum.provisioning.driver.snmp.SnmpCredentials;
import io.ferrum.provisioning.driver.snmp.SnmpDriver;
import io.ferrum.provisioning.driver.snmp.SnmpTarget;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Links' oper status from IF-MIB (ifOperStatus by ifName): needs no login, only the read community. */
public final class SnmpLinkReader implements LinkReader {

    private final SnmpDriver snmp;
    private final SnmpCredentials read;

    public SnmpLinkReader(SnmpDriver snmp, SnmpCredentials read) {
        this.snmp = snmp;
        this.read = read;
    }

    @Override
    public String name() {
        return "snmp";
    }

    @Override
    public Map<String, Boolean> operUp(String device, String address, Collection<String> ports) {
        try (SnmpClient client = snmp.open(new SnmpTarget(device, address, SnmpTarget.DEFAULT_PORT, read))) {
            Map<String, Boolean> up = new HashMap<>();
            for (InterfaceStatus status : client.interfaces()) {
                if (ports.contains(status.name())) {
                    up.put(status.name(), status.oper() == IfStatus.UP);
                }
            }
            return up;
        }
    }
}
