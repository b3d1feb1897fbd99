package io.ferrum.assurance.audit;

import io.ferrum.model.inventory.CableInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One device as the auditor expects to find it, indexed from the site's intent once per intent change so that each
 * poll's audit is a handful of hash lookups per port.
 *
 * @param farEnds        for each cabled port, the cable and the far end it should see ({@code device:port})
 * @param enabled        ports intent enables (admin up)
 * @param exchangePorts  ports carrying an exchange hand-off (their far end is the venue, outside intent), by circuit
 * @param killedPorts    exchange ports of connections the kill switch has killed, by circuit
 * @param addresses      addresses intent assigns, by port, with mask length
 */
record ExpectedDevice(
        String hostname,
        String serial,
        String primaryIp,
        Map<String, FarEnd> farEnds,
        Set<String> enabled,
        Map<String, String> exchangePorts,
        Map<String, String> killedPorts,
        Map<String, List<String>> addresses,
        DesiredDeviceState desired) {

    /** The cable on one of our ports and the port it should reach. */
    record FarEnd(CableInfo cable, String device, String port) {
        String text() {
            return device + ":" + port;
        }
    }

    /** Ports that should carry a link: cabled, or an exchange hand-off. */
    boolean connected(String port) {
        return farEnds.containsKey(port) || exchangePorts.containsKey(port);
    }
}
