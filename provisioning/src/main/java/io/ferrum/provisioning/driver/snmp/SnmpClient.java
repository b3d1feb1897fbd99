package io.ferrum.provisioning.driver.snmp;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SNMP access to one device through typed readers for the MIBs Ferrum uses: callers get Ferrum records, and snmp4j's
 * types stay inside this package (the raw get and bulk walk serve {@link MibTables} only), so the library can be
 * swapped without touching callers. Thread-safe (snmp4j matches responses to requests by request-id).
 */
public final class SnmpClient implements Closeable {

    static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");
    static final OID SYS_OBJECT_ID = new OID("1.3.6.1.2.1.1.2.0");
    static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
    static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");

    private static final OID USM_STATS = new OID("1.3.6.1.6.3.15.1.1");
    private static final int BULK_REPETITIONS = 25;

    private final SnmpTarget device;
    private final Timeouts timeouts;
    private final Snmp snmp;
    private final Target<UdpAddress> target;
    private final AtomicInteger authRejections = new AtomicInteger();

    SnmpClient(SnmpTarget device, Timeouts timeouts, int retries) {
        this.device = device;
        this.timeouts = timeouts;
        UdpAddress address;
        try {
            address = new UdpAddress(InetAddress.getByName(device.host()), device.port());
        } catch (IOException e) {
            throw new DriverException(FailureReason.UNREACHABLE, device.device(), "cannot resolve " + device.host(), e);
        }
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv2c());
        USM usm = null;
        if (device.credentials() instanceof SnmpCredentials.UsmUser user) {
            // A private USM per client: two devices may use the same user name with different passphrases.
            // The protocol registry is a process-wide singleton in snmp4j; adding the same protocols is idempotent.
            SecurityProtocols protocols = SecurityProtocols.getInstance();
            protocols.addAuthenticationProtocol(new AuthSHA());
            protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
            protocols.addPrivacyProtocol(new PrivAES128());
            // A private counter bus: replies that fail our own authentication check are only visible as counter
            // increments (usmStatsWrongDigests), which is how a wrong passphrase differs from a dead agent.
            CounterSupport counters = new CounterSupport();
            counters.addCounterListener(event -> {
                OID counter = event.getOid();
                if (counter.startsWith(SnmpConstants.usmStatsWrongDigests)
                        || counter.startsWith(SnmpConstants.usmStatsDecryptionErrors)) {
                    authRejections.incrementAndGet();
                }
            });
            usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0, counters);
            usm.addUser(new org.snmp4j.security.UsmUser(new OctetString(user.user()),
                    user.auth() == SnmpCredentials.AuthProtocol.SHA1 ? AuthSHA.ID : AuthHMAC192SHA256.ID,
                    new OctetString(user.authPassphrase()), PrivAES128.ID, new OctetString(user.privPassphrase())));
            MPv3 mpv3 = new MPv3(usm);
            mpv3.setCounterSupport(counters);
            dispatcher.addMessageProcessingModel(mpv3);
        }
        try {
            DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping();
            this.snmp = new Snmp(dispatcher, transport);
            transport.listen();
        } catch (IOException e) {
            throw new DriverException(FailureReason.UNREACHABLE, device.device(), "cannot open UDP socket", e);
        }
        this.target = buildTarget(device.credentials(), address, timeouts, retries);
    }

    private static Target<UdpAddress> buildTarget(SnmpCredentials credentials, UdpAddress address, Timeouts timeouts,
                                                  int retries) {
        Target<UdpAddress> t;
        if (credentials instanceof SnmpCredentials.UsmUser user) {
            UserTarget<UdpAddress> ut = new UserTarget<>();
            ut.setSecurityLevel(SecurityLevel.AUTH_PRIV);
            ut.setSecurityName(new OctetString(user.user()));
            ut.setVersion(SnmpConstants.version3);
            t = ut;
        } else {
            CommunityTarget<UdpAddress> ct = new CommunityTarget<>();
            ct.setCommunity(new OctetString(((SnmpCredentials.Community) credentials).community()));
            ct.setVersion(SnmpConstants.version2c);
            t = ct;
        }
        t.setAddress(address);
        t.setTimeout(timeouts.read().toMillis());
        t.setRetries(retries);
        return t;
    }

    public SnmpTarget target() {
        return device;
    }

    /** GET of exact instances; a missing instance maps to a null value rather than an error. */
    Map<OID, Variable> get(List<OID> oids) {
        PDU request = newPdu(PDU.GET);
        oids.forEach(o -> request.add(new VariableBinding(o)));
        PDU response = send(request, "get " + oids);
        Map<OID, Variable> values = new LinkedHashMap<>();
        for (VariableBinding vb : response.getVariableBindings()) {
            values.put(vb.getOid(), vb.isException() ? null : vb.getVariable());
        }
        return values;
    }

    /** Every instance under {@code root}, by GETBULK, bounded by the command timeout as a whole. */
    List<VariableBinding> walk(OID root) {
        long deadline = System.nanoTime() + timeouts.command().toNanos();
        List<VariableBinding> rows = new ArrayList<>();
        OID cursor = root;
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new DriverException(FailureReason.TIMEOUT, device.device(),
                        "walk of " + root + " did not finish within " + timeouts.command());
            }
            PDU request = newPdu(PDU.GETBULK);
            request.setMaxRepetitions(BULK_REPETITIONS);
            request.setNonRepeaters(0);
            request.add(new VariableBinding(cursor));
            PDU response = send(request, "walk " + root);
            List<? extends VariableBinding> vbs = response.getVariableBindings();
            if (vbs.isEmpty()) {
                return rows;
            }
            for (VariableBinding vb : vbs) {
                if (vb.isException() || !vb.getOid().startsWith(root)) {
                    return rows;
                }
                if (vb.getOid().compareTo(cursor) <= 0) {
                    throw new DriverException(FailureReason.PROTOCOL_ERROR, device.device(),
                            "agent returned non-increasing OID " + vb.getOid() + " after " + cursor);
                }
                rows.add(vb);
                cursor = vb.getOid();
            }
        }
    }

    /** IF-MIB ifAdminStatus: 1 up, 2 down. */
    static final OID IF_ADMIN_STATUS = new OID("1.3.6.1.2.1.2.2.1.7");

    /**
     * Sets the admin status of interfaces by ifIndex in one SET (the agent applies all or none); needs a community or
     * user with write access. The kill switch's second channel.
     */
    public void setAdminStatus(List<Integer> ifIndexes, boolean up) {
        PDU request = newPdu(PDU.SET);
        for (int ifIndex : ifIndexes) {
            request.add(new VariableBinding(new OID(IF_ADMIN_STATUS).append(ifIndex),
                    new org.snmp4j.smi.Integer32(up ? 1 : 2)));
        }
        send(request, "set ifAdminStatus " + (up ? "up" : "down") + " " + ifIndexes);
    }

    public SystemInfo systemInfo() {
        Map<OID, Variable> v = get(List.of(SYS_NAME, SYS_DESCR, SYS_OBJECT_ID, SYS_UPTIME));
        Variable uptime = v.get(SYS_UPTIME);
        return new SystemInfo(text(v.get(SYS_NAME)), text(v.get(SYS_DESCR)), text(v.get(SYS_OBJECT_ID)),
                Duration.ofMillis(uptime == null ? 0 : uptime.toLong() * 10));
    }

    public List<InterfaceStatus> interfaces() {
        return new MibTables(this).interfaces();
    }

    public List<LldpNeighbour> lldpNeighbours() {
        return new MibTables(this).lldpNeighbours();
    }

    public List<IpAddressEntry> ipAddresses() {
        return new MibTables(this).ipAddresses();
    }

    public List<EntityPhysical> entities() {
        return new MibTables(this).entities();
    }

    /** The chassis serial number from ENTITY-MIB (first chassis-class entity with a serial), or empty. */
    public String chassisSerial() {
        return entities().stream().filter(e -> e.entityClass() == EntityPhysical.CHASSIS && !e.serial().isEmpty())
                .map(EntityPhysical::serial).findFirst().orElse("");
    }

    @Override
    public void close() {
        try {
            snmp.close();
        } catch (IOException ignored) {
            // Closing a UDP socket has nothing useful to report.
        }
    }

    static String text(Variable v) {
        return v == null ? "" : v.toString();
    }

    private PDU newPdu(int type) {
        PDU pdu = target.getVersion() == SnmpConstants.version3 ? new ScopedPDU() : new PDU();
        pdu.setType(type);
        return pdu;
    }

    private PDU send(PDU request, String what) {
        ResponseEvent<UdpAddress> event;
        int rejectionsBefore = authRejections.get();
        try {
            event = snmp.send(request, target);
        } catch (IOException e) {
            throw new DriverException(FailureReason.UNREACHABLE, device.device(), what + ": " + e.getMessage(), e);
        }
        if (event.getError() != null) {
            throw classifyError(what, event.getError());
        }
        PDU response = event.getResponse();
        if (response == null && authRejections.get() != rejectionsBefore) {
            throw new DriverException(FailureReason.AUTH_FAILED, device.device(), what + ": the agent answered, but "
                    + "its reply fails authentication or decryption with our passphrases");
        }
        if (response == null) {
            // UDP gives no refusal: a dead agent, a wrong v2c community and a firewall all look like silence.
            throw new DriverException(FailureReason.TIMEOUT, device.device(), what + ": no response within "
                    + timeouts.read() + " x " + (target.getRetries() + 1)
                    + " attempts (agent down, wrong v2c community or unknown v3 user?)");
        }
        if (response.getType() == PDU.REPORT) {
            throw reportError(what, response);
        }
        if (response.getErrorStatus() != PDU.noError) {
            throw new DriverException(FailureReason.REJECTED, device.device(), what + ": agent says "
                    + response.getErrorStatusText() + " at index " + response.getErrorIndex());
        }
        return response;
    }

    private DriverException classifyError(String what, Exception error) {
        String message = String.valueOf(error.getMessage());
        boolean auth = message.toLowerCase().contains("auth") || message.toLowerCase().contains("user")
                || message.toLowerCase().contains("decrypt");
        return new DriverException(auth ? FailureReason.AUTH_FAILED : FailureReason.PROTOCOL_ERROR, device.device(),
                what + ": " + message, error);
    }

    private DriverException reportError(String what, PDU report) {
        VariableBinding vb = report.getVariableBindings().isEmpty() ? null : report.get(0);
        OID oid = vb == null ? new OID() : vb.getOid();
        boolean usm = oid.startsWith(USM_STATS);
        return new DriverException(usm ? FailureReason.AUTH_FAILED : FailureReason.PROTOCOL_ERROR, device.device(),
                what + ": agent sent report " + oid + " (" + describeReport(oid) + ")");
    }

    private static String describeReport(OID oid) {
        if (oid.startsWith(SnmpConstants.usmStatsUnknownUserNames)) {
            return "unknown user";
        }
        if (oid.startsWith(SnmpConstants.usmStatsWrongDigests)) {
            return "wrong authentication passphrase";
        }
        if (oid.startsWith(SnmpConstants.usmStatsDecryptionErrors)) {
            return "wrong privacy passphrase";
        }
        if (oid.startsWith(SnmpConstants.usmStatsUnsupportedSecLevels)) {
            return "security level not supported for this user";
        }
        return "unexpected report";
    }
}
