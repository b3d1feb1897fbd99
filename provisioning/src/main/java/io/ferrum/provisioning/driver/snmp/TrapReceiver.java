package io.ferrum.provisioning.driver.snmp;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Listens for SNMPv2c traps and informs, accepting only the configured communities; traps queue up for polling. */
public final class TrapReceiver implements Closeable {

    private static final int QUEUE_LIMIT = 10_000;

    private final Snmp snmp;
    private final DefaultUdpTransportMapping transport;
    private final BlockingQueue<Trap> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);

    private TrapReceiver(Snmp snmp, DefaultUdpTransportMapping transport) {
        this.snmp = snmp;
        this.transport = transport;
    }

    /** Binds {@code host:port}; port 0 picks a free port (see {@link #port()}). */
    public static TrapReceiver listen(String host, int port, Set<String> communities) {
        try {
            DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(
                    new UdpAddress(InetAddress.getByName(host), port));
            MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
            dispatcher.addMessageProcessingModel(new MPv2c());
            Snmp snmp = new Snmp(dispatcher, transport);
            TrapReceiver receiver = new TrapReceiver(snmp, transport);
            snmp.addCommandResponder(receiver.responder(communities));
            transport.listen();
            return receiver;
        } catch (IOException e) {
            throw new DriverException(FailureReason.UNREACHABLE, host + ":" + port, "cannot bind trap receiver", e);
        }
    }

    public int port() {
        return transport.getListenAddress().getPort();
    }

    /** Next trap, or empty if none arrives within {@code wait}. */
    public Optional<Trap> poll(Duration wait) throws InterruptedException {
        return Optional.ofNullable(queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    private CommandResponder responder(Set<String> communities) {
        return new CommandResponder() {
            @Override
            public <A extends org.snmp4j.smi.Address> void processPdu(CommandResponderEvent<A> event) {
                PDU pdu = event.getPDU();
                if (pdu == null || (pdu.getType() != PDU.TRAP && pdu.getType() != PDU.INFORM)) {
                    return;
                }
                String community = new String(event.getSecurityName());
                if (!communities.contains(community)) {
                    return;
                }
                event.setProcessed(true);
                Map<String, String> values = new LinkedHashMap<>();
                String trapOid = "";
                for (VariableBinding vb : pdu.getVariableBindings()) {
                    if (vb.getOid().equals(SnmpConstants.snmpTrapOID)) {
                        trapOid = vb.getVariable().toString();
                    }
                    values.put(vb.getOid().toDottedString(), vb.getVariable().toString());
                }
                // A full queue drops the newest trap: the receiver must never stall the SNMP listener thread.
                queue.offer(new Trap(String.valueOf(event.getPeerAddress()), community, trapOid, values, Instant.now()));
                if (pdu.getType() == PDU.INFORM) {
                    acknowledge(event);
                }
            }
        };
    }

    private <A extends org.snmp4j.smi.Address> void acknowledge(CommandResponderEvent<A> event) {
        PDU response = event.getPDU();
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(PDU.noError);
        response.setErrorIndex(0);
        try {
            event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(), event.getSecurityModel(),
                    event.getSecurityName(), event.getSecurityLevel(), response, event.getMaxSizeResponsePDU(),
                    event.getStateReference(), new org.snmp4j.mp.StatusInformation());
        } catch (org.snmp4j.MessageException ignored) {
            // The sender retries an unacknowledged inform; nothing to do here.
        }
    }

    @Override
    public void close() {
        try {
            snmp.close();
        } catch (IOException ignored) {
            // Nothing to report when a UDP socket fails to close.
        }
    }

}
