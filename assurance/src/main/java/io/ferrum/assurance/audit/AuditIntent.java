package io.ferrum.assurance.audit;

import io.ferrum.model.exchange.ConnectionStatus;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.inventory.AddressInfo;
import io.ferrum.model.inventory.CableInfo;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.ExchangeConnectionInfo;
import io.ferrum.model.inventory.PortInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A site's intent indexed for auditing: per device, what each port should see and be. Built once per intent change
 * (plans applied, edits, kill-switch moves), then shared by every poll's audit until the next change.
 */
public final class AuditIntent {

    private final Map<String, ExpectedDevice> devices;
    /** Which cable intent puts on each {@code device:port}: names the other cable of a swap. */
    private final Map<String, CableInfo> cableAt;

    private AuditIntent(Map<String, ExpectedDevice> devices, Map<String, CableInfo> cableAt) {
        this.devices = devices;
        this.cableAt = cableAt;
    }

    /**
     * @param desired rendered config and firmware per hostname; devices without an entry get {@link
     *                DesiredDeviceState#NONE}
     */
    public static AuditIntent of(SiteInventory site, Map<String, DesiredDeviceState> desired) {
        Map<String, Map<String, ExpectedDevice.FarEnd>> farEnds = new HashMap<>();
        Map<String, CableInfo> cableAt = new HashMap<>();
        for (CableInfo cable : site.cables()) {
            if (!carriesLldp(cable)) {
                // a console or power cable joins no Ethernet ports: no LLDP neighbour will ever show on it
                continue;
            }
            farEnds.computeIfAbsent(cable.a().device(), d -> new HashMap<>()).put(cable.a().port(),
                    new ExpectedDevice.FarEnd(cable, cable.b().device(), cable.b().port()));
            farEnds.computeIfAbsent(cable.b().device(), d -> new HashMap<>()).put(cable.b().port(),
                    new ExpectedDevice.FarEnd(cable, cable.a().device(), cable.a().port()));
            cableAt.put(cable.a().toString(), cable);
            cableAt.put(cable.b().toString(), cable);
        }
        Map<String, Map<String, String>> exchangePorts = new HashMap<>();
        Map<String, Map<String, String>> killedPorts = new HashMap<>();
        for (ExchangeConnectionInfo connection : site.exchangeConnections()) {
            for (String port : connection.ports()) {
                exchangePorts.computeIfAbsent(connection.device(), d -> new HashMap<>()).put(port, connection.circuitId());
                if (connection.status() == ConnectionStatus.KILLED) {
                    killedPorts.computeIfAbsent(connection.device(), d -> new HashMap<>())
                            .put(port, connection.circuitId());
                }
            }
        }
        Map<String, Map<String, List<String>>> addresses = new HashMap<>();
        for (AddressInfo address : site.addresses()) {
            if (address.device() != null && address.port() != null) {
                addresses.computeIfAbsent(address.device(), d -> new HashMap<>())
                        .computeIfAbsent(address.port(), p -> new ArrayList<>()).add(address.address());
            }
        }
        Map<String, ExpectedDevice> devices = new HashMap<>();
        for (DeviceInfo device : site.devices()) {
            Set<String> enabled = new HashSet<>();
            for (PortInfo port : device.ports()) {
                if (port.enabled()) {
                    enabled.add(port.name());
                }
            }
            String host = device.hostname();
            devices.put(host, new ExpectedDevice(host, device.serial(), device.primaryIp(),
                    farEnds.getOrDefault(host, Map.of()), enabled, exchangePorts.getOrDefault(host, Map.of()),
                    killedPorts.getOrDefault(host, Map.of()), addresses.getOrDefault(host, Map.of()),
                    desired.getOrDefault(host, DesiredDeviceState.NONE)));
        }
        return new AuditIntent(devices, cableAt);
    }

    private static boolean carriesLldp(CableInfo cable) {
        return cable.type() != CableType.CONSOLE && cable.type() != CableType.POWER;
    }

    Optional<ExpectedDevice> device(String hostname) {
        return Optional.ofNullable(devices.get(hostname));
    }

    /** The cable intent puts on {@code device:port}, if any. */
    Optional<CableInfo> cableAt(String farEnd) {
        return Optional.ofNullable(cableAt.get(farEnd));
    }

    public int deviceCount() {
        return devices.size();
    }
}
