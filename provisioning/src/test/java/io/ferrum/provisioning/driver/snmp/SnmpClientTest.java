package io.ferrum.provisioning.driver.snmp;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.peers.InProcessSnmpAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnmpClientTest {

    private static final Timeouts FAST = new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(400), Duration.ofSeconds(10));
    private static InProcessSnmpAgent agent;

    @BeforeAll
    static void startAgent() throws Exception {
        Map<OID, Variable> mib = new LinkedHashMap<>();
        // IF-MIB: two ports, the second administratively up but operationally down
        for (int i = 1; i <= 2; i++) {
            mib.put(new OID("1.3.6.1.2.1.2.2.1.2." + i), new OctetString("Ethernet" + i));
            mib.put(new OID("1.3.6.1.2.1.2.2.1.7." + i), new Integer32(1));
            mib.put(new OID("1.3.6.1.2.1.2.2.1.8." + i), new Integer32(i == 1 ? 1 : 2));
            mib.put(new OID("1.3.6.1.2.1.31.1.1.1.1." + i), new OctetString("Ethernet" + i));
            mib.put(new OID("1.3.6.1.2.1.31.1.1.1.18." + i), new OctetString(i == 1 ? "uplink" : ""));
            mib.put(new OID("1.0.8802.1.1.2.1.3.7.1.3." + i), new OctetString("Ethernet" + i));
        }
        // LLDP-MIB remote table, index timeMark.localPortNum.remIndex, for 150 neighbours so walks need several bulks
        for (int r = 1; r <= 150; r++) {
            String idx = ".0." + (r % 2 + 1) + "." + r;
            mib.put(new OID("1.0.8802.1.1.2.1.4.1.1.5" + idx), new OctetString("chassis-" + r));
            mib.put(new OID("1.0.8802.1.1.2.1.4.1.1.7" + idx), new OctetString("Ethernet" + (48 + r)));
            mib.put(new OID("1.0.8802.1.1.2.1.4.1.1.8" + idx), new OctetString("to leaf"));
            mib.put(new OID("1.0.8802.1.1.2.1.4.1.1.9" + idx), new OctetString("spine" + r));
        }
        // ENTITY-MIB: a chassis and a power supply
        mib.put(new OID("1.3.6.1.2.1.47.1.1.1.1.2.1"), new OctetString("chassis"));
        mib.put(new OID("1.3.6.1.2.1.47.1.1.1.1.5.1"), new Integer32(3));
        mib.put(new OID("1.3.6.1.2.1.47.1.1.1.1.11.1"), new OctetString("SN-CHASSIS-1"));
        mib.put(new OID("1.3.6.1.2.1.47.1.1.1.1.2.2"), new OctetString("psu"));
        mib.put(new OID("1.3.6.1.2.1.47.1.1.1.1.5.2"), new Integer32(6));
        mib.put(new OID("1.3.6.1.2.1.47.1.1.1.1.11.2"), new OctetString("SN-PSU-2"));
        agent = InProcessSnmpAgent.start("leaf07", mib);
    }

    @AfterAll
    static void stopAgent() {
        agent.close();
    }

    private static SnmpClient v2c(String community) {
        return new SnmpDriver(FAST, 0).open(new SnmpTarget("leaf07", "127.0.0.1", agent.port(),
                new SnmpCredentials.Community(community)));
    }

    private static SnmpClient v3(String authPass, String privPass) {
        return new SnmpDriver(FAST, 0).open(new SnmpTarget("leaf07", "127.0.0.1", agent.port(),
                new SnmpCredentials.UsmUser(InProcessSnmpAgent.USER, SnmpCredentials.AuthProtocol.SHA256, authPass,
                        SnmpCredentials.PrivProtocol.AES128, privPass)));
    }

    @Test
    void readsSystemInterfacesLldpAndEntityOverV2c() {
        try (SnmpClient client = v2c(InProcessSnmpAgent.COMMUNITY)) {
            SystemInfo system = client.systemInfo();
            assertThat(system.sysName()).isEqualTo("leaf07");
            assertThat(system.sysDescr()).contains("in-process agent");

            assertThat(client.interfaces()).containsExactly(
                    new InterfaceStatus(1, "Ethernet1", "uplink", IfStatus.UP, IfStatus.UP),
                    new InterfaceStatus(2, "Ethernet2", "", IfStatus.UP, IfStatus.DOWN));

            List<LldpNeighbour> neighbours = client.lldpNeighbours();
            assertThat(neighbours).hasSize(150);
            assertThat(neighbours).contains(new LldpNeighbour(2, "Ethernet2", "chassis-101", "spine101",
                    "Ethernet149", "to leaf"));

            assertThat(client.chassisSerial()).isEqualTo("SN-CHASSIS-1");
        }
    }

    @Test
    void readsOverV3AuthPriv() {
        try (SnmpClient client = v3(InProcessSnmpAgent.AUTH_PASS, InProcessSnmpAgent.PRIV_PASS)) {
            assertThat(client.systemInfo().sysName()).isEqualTo("leaf07");
            assertThat(client.entities()).extracting(EntityPhysical::serial).containsExactly("SN-CHASSIS-1", "SN-PSU-2");
        }
    }

    @Test
    void wrongV3AuthPassphraseIsAuthFailed() {
        try (SnmpClient client = v3("not-the-pass", InProcessSnmpAgent.PRIV_PASS)) {
            assertThatThrownBy(client::systemInfo).isInstanceOfSatisfying(DriverException.class, e -> {
                assertThat(e.reason()).isEqualTo(FailureReason.AUTH_FAILED);
                assertThat(e.retryable()).isFalse();
            });
        }
    }

    @Test
    void wrongCommunityIsSilenceAndSoATimeout() {
        try (SnmpClient client = v2c("guess")) {
            long started = System.nanoTime();
            assertThatThrownBy(client::systemInfo).isInstanceOfSatisfying(DriverException.class,
                    e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
