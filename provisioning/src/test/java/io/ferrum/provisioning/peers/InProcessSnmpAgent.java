package io.ferrum.provisioning.peers;

import org.snmp4j.TransportMapping;
import org.snmp4j.agent.BaseAgent;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.io.ImportMode;
import org.snmp4j.agent.mo.MOAccessImpl;
import org.snmp4j.agent.mo.MOScalar;
import org.snmp4j.agent.mo.snmp.RowStatus;
import org.snmp4j.agent.mo.snmp.SnmpCommunityMIB;
import org.snmp4j.agent.mo.snmp.SnmpNotificationMIB;
import org.snmp4j.agent.mo.snmp.SnmpTargetMIB;
import org.snmp4j.agent.mo.snmp.StorageType;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.agent.security.MutableVACM;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;

/**
 * An snmp4j-agent on loopback serving a fixed set of instances (system group, IF-MIB, LLDP-MIB, ENTITY-MIB rows)
 * with a v2c community and an SNMPv3 authPriv user (SHA-256 / AES-128).
 */
public final class InProcessSnmpAgent extends BaseAgent implements Closeable {

    public static final String COMMUNITY = "lab-public";
    public static final String USER = "ferrum";
    public static final String AUTH_PASS = "auth-pass-123";
    public static final String PRIV_PASS = "priv-pass-456";

    private final Map<OID, Variable> instances;
    private final File stateDir;

    private InProcessSnmpAgent(File stateDir, Map<OID, Variable> instances) {
        super(new File(stateDir, "boot"), new File(stateDir, "config"),
                new CommandProcessor(new OctetString(MPv3.createLocalEngineID())));
        this.stateDir = stateDir;
        this.instances = new TreeMap<>(instances);
    }

    public static InProcessSnmpAgent start(String sysName, Map<OID, Variable> instances) throws IOException {
        SecurityProtocols.getInstance().addDefaultProtocols();
        File dir = Files.createTempDirectory("snmp-agent").toFile();
        InProcessSnmpAgent agent = new InProcessSnmpAgent(dir, instances);
        agent.setSysDescr(new OctetString("Ferrum in-process agent " + sysName));
        agent.init();
        agent.getSnmpv2MIB().setName(new OctetString(sysName));
        agent.loadConfig(ImportMode.REPLACE_CREATE);
        agent.finishInit();
        agent.run();
        return agent;
    }

    public int port() {
        for (TransportMapping<? extends Address> t : transportMappings) {
            if (t instanceof DefaultUdpTransportMapping udp) {
                return udp.getListenAddress().getPort();
            }
        }
        throw new IllegalStateException("no UDP transport");
    }

    @Override
    public void close() {
        stop();
        File[] files = stateDir.listFiles();
        if (files != null) {
            for (File f : files) {
                f.delete();
            }
        }
        stateDir.delete();
    }

    @Override
    protected void initTransportMappings() throws IOException {
        transportMappings = new TransportMapping<?>[]{new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0"))};
    }

    @Override
    protected void registerManagedObjects() {
        try {
            for (Map.Entry<OID, Variable> e : instances.entrySet()) {
                server.register(new InstanceScalar(e.getKey(), e.getValue()), null);
            }
        } catch (DuplicateRegistrationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MOScalar claims its whole column (for x.0); table cells need a scope of exactly one instance. */
    private static final class InstanceScalar extends MOScalar<Variable> {
        InstanceScalar(OID instance, Variable value) {
            super(instance, MOAccessImpl.ACCESS_READ_ONLY, value);
        }

        @Override
        public OID getLowerBound() {
            return getOid();
        }

        @Override
        public OID getUpperBound() {
            return getOid().successor();
        }

        @Override
        public boolean isLowerIncluded() {
            return true;
        }

        @Override
        public boolean isUpperIncluded() {
            return false;
        }
    }

    @Override
    protected void unregisterManagedObjects() {
        // The agent is thrown away after each test.
    }

    @Override
    protected void addUsmUser(USM usm) {
        UsmUser user = new UsmUser(new OctetString(USER), AuthHMAC192SHA256.ID, new OctetString(AUTH_PASS),
                PrivAES128.ID, new OctetString(PRIV_PASS));
        usm.addUser(user.getSecurityName(), usm.getLocalEngineID(), user);
    }

    @Override
    protected void addNotificationTargets(SnmpTargetMIB targetMIB, SnmpNotificationMIB notificationMIB) {
        // No notifications from this agent.
    }

    @Override
    protected void addViews(VacmMIB vacm) {
        vacm.addGroup(SecurityModel.SECURITY_MODEL_SNMPv2c, new OctetString("c-" + COMMUNITY),
                new OctetString("v2group"), StorageType.nonVolatile);
        vacm.addGroup(SecurityModel.SECURITY_MODEL_USM, new OctetString(USER), new OctetString("v3group"),
                StorageType.nonVolatile);
        vacm.addAccess(new OctetString("v2group"), new OctetString(), SecurityModel.SECURITY_MODEL_ANY,
                SecurityLevel.NOAUTH_NOPRIV, MutableVACM.VACM_MATCH_EXACT, new OctetString("all"), new OctetString(),
                new OctetString(), StorageType.nonVolatile);
        vacm.addAccess(new OctetString("v3group"), new OctetString(), SecurityModel.SECURITY_MODEL_USM,
                SecurityLevel.AUTH_PRIV, MutableVACM.VACM_MATCH_EXACT, new OctetString("all"), new OctetString(),
                new OctetString(), StorageType.nonVolatile);
        vacm.addViewTreeFamily(new OctetString("all"), new OID("1"), new OctetString(), VacmMIB.vacmViewIncluded,
                StorageType.nonVolatile);
    }

    @Override
    protected void addCommunities(SnmpCommunityMIB communityMIB) {
        Variable[] row = {
                new OctetString(COMMUNITY), new OctetString("c-" + COMMUNITY), getAgent().getContextEngineID(),
                new OctetString(), new OctetString(), new Integer32(StorageType.nonVolatile),
                new Integer32(RowStatus.active)};
        communityMIB.getSnmpCommunityEntry().addRow(
                communityMIB.getSnmpCommunityEntry().createRow(new OctetString("row1").toSubIndex(true), row));
    }
}
