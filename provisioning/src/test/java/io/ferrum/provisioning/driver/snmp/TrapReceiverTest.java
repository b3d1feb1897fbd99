package io.ferrum.provisioning.driver.snmp;

import org.junit.jupiter.api.Test;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TrapReceiverTest {

    private static final OID LINK_DOWN = new OID("1.3.6.1.6.3.1.1.5.3");

    @Test
    void receivesTrapsForKnownCommunityAndDropsOthers() throws Exception {
        try (TrapReceiver receiver = TrapReceiver.listen("127.0.0.1", 0, Set.of("traps"));
             Snmp sender = new Snmp(new DefaultUdpTransportMapping())) {
            sender.listen();
            send(sender, receiver.port(), "wrong");
            send(sender, receiver.port(), "traps");

            Optional<Trap> trap = receiver.poll(Duration.ofSeconds(5));
            assertThat(trap).isPresent();
            assertThat(trap.get().trapOid()).isEqualTo(LINK_DOWN.toDottedString());
            assertThat(trap.get().community()).isEqualTo("traps");
            assertThat(trap.get().values()).containsEntry("1.3.6.1.2.1.2.2.1.1.3", "3");
            assertThat(receiver.poll(Duration.ofMillis(300))).isEmpty();
        }
    }

    private static void send(Snmp sender, int port, String community) throws Exception {
        CommunityTarget<UdpAddress> target = new CommunityTarget<>(new UdpAddress("127.0.0.1/" + port),
                new OctetString(community));
        target.setVersion(SnmpConstants.version2c);
        PDU pdu = new PDU();
        pdu.setType(PDU.TRAP);
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(100)));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, LINK_DOWN));
        pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1.3"), new org.snmp4j.smi.Integer32(3)));
        sender.send(pdu, target);
    }
}
