package io.ferrum.assurance.collect;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Simulated switches on loopback: one UDP port per device, answering SNMP v2c GET, GETNEXT and GETBULK from a fixed
 * MIB view (system group, ENTITY-MIB chassis, IF-MIB, IP-MIB, LLDP-MIB) built the way the lab's snmpd shows a
 * device. One snmp4j dispatcher serves them all, so a thousand devices cost a thousand sockets, not a thousand
 * agents.
 */
final class LoopbackSnmpDevices implements Closeable {

    static final String COMMUNITY = "public";

    /** One simulated device: its port, and its ports cabled to {@code peer}'s ports of the same names. */
    record Device(String hostname, int port) {
    }

    private final Snmp snmp;
    private final Map<Integer, NavigableMap<OID, Variable>> views = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Device> devices = new ArrayList<>();

    LoopbackSnmpDevices() throws IOException {
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv2c());
        snmp = new Snmp(dispatcher);
        snmp.addCommandResponder(new CommandResponder() {
            @Override
            public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
                answer(event);
            }
        });
    }

    /** Adds a device with {@code ports} Ethernet ports, each with an LLDP neighbour {@code peer:EthernetN}. */
    Device add(String hostname, String serial, int ports, String peer) throws IOException {
        DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(
                new UdpAddress(InetAddress.getLoopbackAddress(), 0));
        snmp.addTransportMapping(transport);
        transport.listen();
        int port = transport.getListenAddress().getPort();
        views.put(port, view(hostname, serial, ports, peer));
        Device device = new Device(hostname, port);
        devices.add(device);
        return device;
    }

    List<Device> devices() {
        return devices;
    }

    private static NavigableMap<OID, Variable> view(String hostname, String serial, int ports, String peer) {
        NavigableMap<OID, Variable> v = new TreeMap<>();
        v.put(new OID("1.3.6.1.2.1.1.1.0"), new OctetString("simulated switch " + hostname));
        v.put(new OID("1.3.6.1.2.1.1.2.0"), new OID("1.3.6.1.4.1.32473.2"));
        v.put(new OID("1.3.6.1.2.1.1.3.0"), new TimeTicks(4200));
        v.put(new OID("1.3.6.1.2.1.1.5.0"), new OctetString(hostname));
        v.put(new OID("1.3.6.1.2.1.47.1.1.1.1.2.1"), new OctetString("chassis"));
        v.put(new OID("1.3.6.1.2.1.47.1.1.1.1.5.1"), new Integer32(3));
        v.put(new OID("1.3.6.1.2.1.47.1.1.1.1.7.1"), new OctetString(hostname));
        v.put(new OID("1.3.6.1.2.1.47.1.1.1.1.11.1"), new OctetString(serial));
        for (int i = 1; i <= ports; i++) {
            String name = "Ethernet" + i;
            v.put(new OID("1.3.6.1.2.1.2.2.1.2." + i), new OctetString(name));
            v.put(new OID("1.3.6.1.2.1.2.2.1.7." + i), new Integer32(1));
            v.put(new OID("1.3.6.1.2.1.2.2.1.8." + i), new Integer32(1));
            v.put(new OID("1.3.6.1.2.1.31.1.1.1.1." + i), new OctetString(name));
            v.put(new OID("1.3.6.1.2.1.31.1.1.1.18." + i), new OctetString(name));
            v.put(new OID("1.0.8802.1.1.2.1.3.7.1.3." + i), new OctetString(name));
            String rem = ".0." + i + ".1";
            v.put(new OID("1.0.8802.1.1.2.1.4.1.1.5" + rem), new OctetString(peer));
            v.put(new OID("1.0.8802.1.1.2.1.4.1.1.7" + rem), new OctetString(name));
            v.put(new OID("1.0.8802.1.1.2.1.4.1.1.8" + rem), new OctetString(name));
            v.put(new OID("1.0.8802.1.1.2.1.4.1.1.9" + rem), new OctetString(peer));
            String address = "198.18." + (i / 256) + "." + (i % 256);
            v.put(new OID("1.3.6.1.2.1.4.20.1.2." + address), new Integer32(i));
            v.put(new OID("1.3.6.1.2.1.4.20.1.3." + address), new IpAddress("255.255.255.254"));
        }
        return v;
    }

    private <A extends org.snmp4j.smi.Address> void answer(CommandResponderEvent<A> event) {
        PDU request = event.getPDU();
        if (request == null || !COMMUNITY.equals(new String(event.getSecurityName()))) {
            return;
        }
        int port = ((org.snmp4j.smi.TransportIpAddress) event.getTransportMapping().getListenAddress()).getPort();
        NavigableMap<OID, Variable> view = views.get(port);
        if (view == null) {
            return;
        }
        event.setProcessed(true);
        PDU response = new PDU();
        response.setType(PDU.RESPONSE);
        response.setRequestID(request.getRequestID());
        List<? extends VariableBinding> asked = request.getVariableBindings();
        switch (request.getType()) {
            case PDU.GET -> asked.forEach(vb -> {
                Variable value = view.get(vb.getOid());
                response.add(new VariableBinding(vb.getOid(), value == null ? Null.noSuchObject : value));
            });
            case PDU.GETNEXT -> asked.forEach(vb -> response.add(next(view, vb.getOid())));
            case PDU.GETBULK -> {
                List<OID> cursors = new ArrayList<>(asked.stream().map(VariableBinding::getOid).toList());
                for (int rep = 0; rep < Math.max(1, request.getMaxRepetitions()); rep++) {
                    for (int i = 0; i < cursors.size(); i++) {
                        VariableBinding next = next(view, cursors.get(i));
                        response.add(next);
                        cursors.set(i, next.getOid());
                    }
                }
            }
            default -> {
                return;
            }
        }
        try {
            event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(),
                    event.getSecurityModel(), event.getSecurityName(), event.getSecurityLevel(), response,
                    event.getMaxSizeResponsePDU(), event.getStateReference(), new StatusInformation());
        } catch (org.snmp4j.MessageException e) {
            // the poller will time out and say so
        }
    }

    private static VariableBinding next(NavigableMap<OID, Variable> view, OID after) {
        Map.Entry<OID, Variable> entry = view.higherEntry(after);
        return entry == null ? new VariableBinding(after, Null.endOfMibView)
                : new VariableBinding(entry.getKey(), entry.getValue());
    }

    @Override
    public void close() throws IOException {
        snmp.close();
    }
}
