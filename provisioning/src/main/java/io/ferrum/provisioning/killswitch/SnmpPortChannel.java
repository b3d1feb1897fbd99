package io.ferrum.provisioning.killswitch;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.snmp.InterfaceStatus;
import io.ferrum.provisioning.driver.snmp.SnmpClient;
import io.ferrum.provisioning.driver.snmp.SnmpCredentials;
import io.ferrum.provisioning.driver.snmp.SnmpDriver;
import io.ferrum.provisioning.driver.snmp.SnmpTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SNMP SET of IF-MIB ifAdminStatus, the second channel: it needs no login, only a community (or user) with write
 * access, and the ifIndex of each port, read from ifName in the same exchange.
 */
public final class SnmpPortChannel implements PortChannel {

    private final SnmpDriver snmp;
    private final SnmpCredentials write;

    public SnmpPortChannel(SnmpDriver snmp, SnmpCredentials write) {
        this.snmp = snmp;
        this.write = write;
    }

    @Override
    public String name() {
        return "snmp";
    }

    @Override
    public void set(String device, String address, List<String> ports, boolean up) {
        try (SnmpClient client = snmp.open(new SnmpTarget(device, address, SnmpTarget.DEFAULT_PORT, write))) {
            Map<String, Integer> index = new HashMap<>();
            for (InterfaceStatus status : client.interfaces()) {
                index.put(status.name(), status.ifIndex());
            }
            List<Integer> indexes = new ArrayList<>();
            for (String port : ports) {
                Integer i = index.get(port);
                if (i == null) {
                    throw new DriverException(FailureReason.REJECTED, device, "no interface named " + port
                            + " in IF-MIB");
                }
                indexes.add(i);
            }
            client.setAdminStatus(indexes, up);
        }
    }
}
