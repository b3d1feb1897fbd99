package io.ferrum.provisioning.driver.snmp;

import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads IF-MIB, LLDP-MIB and ENTITY-MIB tables column by column and joins them on their indexes. */
final class MibTables {

    private static final OID IF_ADMIN = new OID("1.3.6.1.2.1.2.2.1.7");
    private static final OID IF_OPER = new OID("1.3.6.1.2.1.2.2.1.8");
    private static final OID IF_DESCR = new OID("1.3.6.1.2.1.2.2.1.2");
    private static final OID IF_NAME = new OID("1.3.6.1.2.1.31.1.1.1.1");
    private static final OID IF_ALIAS = new OID("1.3.6.1.2.1.31.1.1.1.18");

    private static final OID LLDP_LOC_PORT_ID = new OID("1.0.8802.1.1.2.1.3.7.1.3");
    private static final OID LLDP_REM = new OID("1.0.8802.1.1.2.1.4.1.1");
    private static final int REM_CHASSIS_ID = 5;
    private static final int REM_PORT_ID = 7;
    private static final int REM_PORT_DESC = 8;
    private static final int REM_SYS_NAME = 9;

    private static final OID ENT_PHYSICAL = new OID("1.3.6.1.2.1.47.1.1.1.1");
    private static final int ENT_DESCR = 2;
    private static final int ENT_CLASS = 5;
    private static final int ENT_NAME = 7;
    private static final int ENT_SERIAL = 11;

    private static final OID IP_AD_IF_INDEX = new OID("1.3.6.1.2.1.4.20.1.2");
    private static final OID IP_AD_NET_MASK = new OID("1.3.6.1.2.1.4.20.1.3");

    private final SnmpClient client;

    MibTables(SnmpClient client) {
        this.client = client;
    }

    List<InterfaceStatus> interfaces() {
        Map<OID, Variable> admin = column(IF_ADMIN);
        Map<OID, Variable> oper = column(IF_OPER);
        Map<OID, Variable> descr = column(IF_DESCR);
        Map<OID, Variable> name = column(IF_NAME);
        Map<OID, Variable> alias = column(IF_ALIAS);
        List<InterfaceStatus> rows = new ArrayList<>();
        for (OID index : admin.keySet()) {
            String ifName = SnmpClient.text(name.get(index));
            rows.add(new InterfaceStatus(index.get(0), ifName.isEmpty() ? SnmpClient.text(descr.get(index)) : ifName,
                    SnmpClient.text(alias.get(index)), IfStatus.of(admin.get(index).toInt()),
                    IfStatus.of(oper.containsKey(index) ? oper.get(index).toInt() : 0)));
        }
        return rows;
    }

    List<LldpNeighbour> lldpNeighbours() {
        Map<OID, Variable> localPorts = column(LLDP_LOC_PORT_ID);
        Map<Integer, Map<OID, Variable>> rem = new TreeMap<>();
        for (VariableBinding vb : client.walk(LLDP_REM)) {
            OID suffix = suffix(vb.getOid(), LLDP_REM);
            // suffix = column . timeMark . localPortNum . remIndex
            rem.computeIfAbsent(suffix.get(0), c -> new TreeMap<>())
                    .put(new OID(suffix.getValue(), 1, suffix.size() - 1), vb.getVariable());
        }
        Map<OID, Variable> chassis = rem.getOrDefault(REM_CHASSIS_ID, Map.of());
        List<LldpNeighbour> rows = new ArrayList<>();
        for (OID index : chassis.keySet()) {
            int localPort = index.size() >= 2 ? index.get(1) : -1;
            rows.add(new LldpNeighbour(localPort, text(localPorts.get(new OID(new int[]{localPort}))),
                    text(chassis.get(index)), text(rem.getOrDefault(REM_SYS_NAME, Map.of()).get(index)),
                    text(rem.getOrDefault(REM_PORT_ID, Map.of()).get(index)),
                    text(rem.getOrDefault(REM_PORT_DESC, Map.of()).get(index))));
        }
        return rows;
    }

    List<EntityPhysical> entities() {
        Map<Integer, Map<OID, Variable>> cols = new TreeMap<>();
        for (VariableBinding vb : client.walk(ENT_PHYSICAL)) {
            OID suffix = suffix(vb.getOid(), ENT_PHYSICAL);
            cols.computeIfAbsent(suffix.get(0), c -> new TreeMap<>())
                    .put(new OID(suffix.getValue(), 1, suffix.size() - 1), vb.getVariable());
        }
        Map<OID, Variable> classes = cols.getOrDefault(ENT_CLASS, Map.of());
        List<EntityPhysical> rows = new ArrayList<>();
        for (OID index : classes.keySet()) {
            rows.add(new EntityPhysical(index.get(0), text(cols.getOrDefault(ENT_DESCR, Map.of()).get(index)),
                    classes.get(index).toInt(), text(cols.getOrDefault(ENT_NAME, Map.of()).get(index)),
                    text(cols.getOrDefault(ENT_SERIAL, Map.of()).get(index))));
        }
        return rows;
    }

    /** IPv4 addresses (ipAddrTable, indexed by the address itself) with their interface and mask length. */
    List<IpAddressEntry> ipAddresses() {
        Map<OID, Variable> ifIndex = column(IP_AD_IF_INDEX);
        Map<OID, Variable> mask = column(IP_AD_NET_MASK);
        List<IpAddressEntry> rows = new ArrayList<>();
        for (Map.Entry<OID, Variable> row : ifIndex.entrySet()) {
            Variable m = mask.get(row.getKey());
            int length = m instanceof org.snmp4j.smi.IpAddress ip ? prefixLength(ip.toByteArray()) : 32;
            rows.add(new IpAddressEntry(row.getValue().toInt(), row.getKey().toDottedString(), length));
        }
        return rows;
    }

    private static int prefixLength(byte[] mask) {
        int bits = 0;
        for (byte b : mask) {
            bits += Integer.bitCount(b & 0xff);
        }
        return bits;
    }

    private Map<OID, Variable> column(OID column) {
        Map<OID, Variable> values = new TreeMap<>();
        for (VariableBinding vb : client.walk(column)) {
            values.put(suffix(vb.getOid(), column), vb.getVariable());
        }
        return values;
    }

    private static OID suffix(OID oid, OID prefix) {
        return new OID(oid.getValue(), prefix.size(), oid.size() - prefix.size());
    }

    /** Port and chassis IDs are octet strings that may be names or MAC addresses; print names as text. */
    private static String text(Variable v) {
        if (v instanceof OctetString os) {
            return os.isPrintable() ? new String(os.getValue(), java.nio.charset.StandardCharsets.UTF_8).strip()
                    : os.toHexString();
        }
        return SnmpClient.text(v);
    }
}
