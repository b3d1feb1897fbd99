package io.ferrum.provisioning.driver.netconf;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.Watchdog;
import io.ferrum.provisioning.driver.ssh.SshSession;
import io.ferrum.provisioning.driver.ssh.SubsystemChannel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A NETCONF session (RFC 6241) over an SSH {@code netconf} subsystem (RFC 6242). Not thread-safe: NETCONF
 * replies come back in order on one channel, so callers serialise their rpcs (the session pool does).
 * A timed-out or mis-framed session is closed, because its stream position is no longer known.
 */
public final class NetconfSession implements Closeable {

    private static final byte[] CLIENT_HELLO = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<hello xmlns=\"" + NetconfXml.BASE_NS + "\"><capabilities>"
            + "<capability>" + Hello.BASE_1_0 + "</capability>"
            + "<capability>" + Hello.BASE_1_1 + "</capability>"
            + "</capabilities></hello>").getBytes(StandardCharsets.UTF_8);

    private final String device;
    private final SubsystemChannel channel;
    private final SshSession owner;
    private final InputStream in;
    private final Timeouts timeouts;
    private Framing framing = new EndOfMessageFraming();
    private Hello serverHello;
    private long nextMessageId = 1;
    private boolean broken;

    private NetconfSession(SubsystemChannel channel, SshSession owner, Timeouts timeouts) {
        this.device = channel.device();
        this.channel = channel;
        this.owner = owner;
        this.in = new BufferedInputStream(channel.input());
        this.timeouts = timeouts;
    }

    /** Exchanges hellos on an open channel; closes the channel and {@code owner} (may be null) on close. */
    static NetconfSession start(SubsystemChannel channel, SshSession owner, Timeouts timeouts) {
        NetconfSession session = new NetconfSession(channel, owner, timeouts);
        try {
            session.handshake();
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    public Hello serverHello() {
        return serverHello;
    }

    /** True once both sides announced base:1.1 and messages use chunked framing. */
    public boolean chunked() {
        return framing instanceof ChunkedFraming;
    }

    public String get(String subtreeFilter) {
        return dataOf("get", "<get>" + filter(subtreeFilter) + "</get>");
    }

    public String getConfig(Datastore source, String subtreeFilter) {
        return dataOf("get-config", "<get-config><source>" + source.element() + "</source>"
                + filter(subtreeFilter) + "</get-config>");
    }

    public void editConfig(Datastore target, DefaultOperation operation, String configXml) {
        requireWritable(target);
        rpc("edit-config", "<edit-config><target>" + target.element() + "</target>"
                + "<default-operation>" + operation.wireName() + "</default-operation>"
                + "<config>" + configXml + "</config></edit-config>");
    }

    public void lock(Datastore target) {
        rpc("lock", "<lock><target>" + target.element() + "</target></lock>");
    }

    public void unlock(Datastore target) {
        rpc("unlock", "<unlock><target>" + target.element() + "</target></unlock>");
    }

    public void commit() {
        requireCapability(Hello.CANDIDATE, "commit");
        rpc("commit", "<commit/>");
    }

    /**
     * Commits the candidate so that the device rolls back by itself unless a plain {@link #commit()} confirms within
     * {@code confirmTimeout}: the safety net for a config that may cut off our own management access.
     */
    public void commitConfirmed(Duration confirmTimeout) {
        requireCapability(Hello.CONFIRMED_COMMIT, "confirmed commit");
        rpc("commit", "<commit><confirmed/><confirm-timeout>" + Math.max(1, confirmTimeout.toSeconds())
                + "</confirm-timeout></commit>");
    }

    public void discardChanges() {
        requireCapability(Hello.CANDIDATE, "discard-changes");
        rpc("discard-changes", "<discard-changes/>");
    }

    /** Sends any rpc body (the element inside {@code <rpc>}) and returns the rpc-reply element. */
    public Element rpc(String operation, String body) {
        if (broken) {
            throw new DriverException(FailureReason.CLOSED, device, "NETCONF session is no longer usable");
        }
        long id = nextMessageId++;
        byte[] message = ("<rpc xmlns=\"" + NetconfXml.BASE_NS + "\" message-id=\"" + id + "\">" + body + "</rpc>")
                .getBytes(StandardCharsets.UTF_8);
        Element reply = exchange(operation, message);
        if (!"rpc-reply".equals(reply.getLocalName())) {
            throw protocolError(operation + ": expected rpc-reply, got <" + reply.getLocalName() + ">", null);
        }
        if (!String.valueOf(id).equals(reply.getAttribute("message-id"))) {
            throw protocolError(operation + ": rpc-reply message-id '" + reply.getAttribute("message-id")
                    + "' does not match request " + id, null);
        }
        List<RpcError> errors = new ArrayList<>();
        for (Element e : NetconfXml.children(reply, "rpc-error")) {
            errors.add(new RpcError(NetconfXml.childText(e, "error-type"), NetconfXml.childText(e, "error-tag"),
                    NetconfXml.childText(e, "error-severity"), NetconfXml.childText(e, "error-app-tag"),
                    NetconfXml.childText(e, "error-path"), NetconfXml.childText(e, "error-message")));
        }
        if (errors.stream().anyMatch(RpcError::isError)) {
            throw new NetconfRpcException(device, operation, errors);
        }
        if (errors.isEmpty() && NetconfXml.child(reply, "ok").isEmpty() && NetconfXml.child(reply, "data").isEmpty()
                && !reply.hasChildNodes()) {
            throw protocolError(operation + ": empty rpc-reply", null);
        }
        return reply;
    }

    @Override
    public void close() {
        if (!broken && channel.isOpen()) {
            try {
                rpcWithin("close-session", "<close-session/>", Duration.ofSeconds(2));
            } catch (DriverException ignored) {
                // Best effort: the server also cleans up when the channel closes.
            }
        }
        broken = true;
        channel.close();
        if (owner != null) {
            owner.close();
        }
    }

    private void rpcWithin(String operation, String body, Duration deadline) {
        try (Watchdog w = Watchdog.arm(deadline, channel::close)) {
            rpc(operation, body);
        }
    }

    private void handshake() {
        Element hello = exchange("hello", CLIENT_HELLO);
        if (!"hello".equals(hello.getLocalName())) {
            throw protocolError("expected server <hello>, got <" + hello.getLocalName() + ">", null);
        }
        List<String> caps = NetconfXml.child(hello, "capabilities")
                .map(c -> NetconfXml.children(c, "capability").stream().map(e -> e.getTextContent().strip()).toList())
                .orElse(List.of());
        if (caps.stream().noneMatch(c -> c.startsWith(Hello.BASE_1_0) || c.startsWith(Hello.BASE_1_1))) {
            throw protocolError("server hello announces no NETCONF base capability: " + caps, null);
        }
        String sid = NetconfXml.childText(hello, "session-id");
        long sessionId;
        try {
            sessionId = Long.parseLong(sid);
        } catch (NumberFormatException e) {
            throw protocolError("server hello has no numeric session-id: '" + sid + "'", e);
        }
        serverHello = new Hello(sessionId, caps);
        if (serverHello.supports(Hello.BASE_1_1)) {
            framing = new ChunkedFraming();
        }
    }

    /** Writes one message and reads the next one, all within the read timeout (the hello within connect timeout). */
    private Element exchange(String operation, byte[] message) {
        Duration deadline = serverHello == null ? timeouts.connect() : timeouts.read();
        boolean writing = true;
        try (Watchdog watchdog = Watchdog.arm(deadline, channel::close)) {
            try {
                if (serverHello == null) {
                    // Both hellos always use 1.0 framing (RFC 6242 section 4.1); we send ours first without waiting.
                    new EndOfMessageFraming().write(channel.output(), message);
                    writing = false;
                    return parseMessage(operation, new EndOfMessageFraming().read(in));
                }
                framing.write(channel.output(), message);
                writing = false;
                return parseMessage(operation, framing.read(in));
            } catch (IOException e) {
                broken = true;
                if (watchdog.fired()) {
                    throw new DriverException(FailureReason.TIMEOUT, device,
                            operation + ": no " + (writing ? "progress sending" : "reply") + " within " + deadline, e);
                }
                if (e instanceof Framing.MalformedFrameException) {
                    throw protocolError(operation + ": malformed framing: " + e.getMessage(), e);
                }
                if (e instanceof EOFException) {
                    throw new DriverException(FailureReason.CLOSED, device, operation + ": " + e.getMessage(), e);
                }
                throw new DriverException(FailureReason.UNREACHABLE, device, operation + ": " + e.getMessage(), e);
            }
        }
    }

    private Element parseMessage(String operation, byte[] raw) {
        try {
            Document doc = NetconfXml.parse(raw);
            return doc.getDocumentElement();
        } catch (SAXException e) {
            broken = true;
            String head = new String(raw, 0, Math.min(raw.length, 120), StandardCharsets.UTF_8);
            throw protocolError(operation + ": reply is not well-formed XML (" + e.getMessage() + "): " + head, e);
        }
    }

    private String dataOf(String operation, String body) {
        Element reply = rpc(operation, body);
        return NetconfXml.child(reply, "data").map(NetconfXml::innerXml)
                .orElseThrow(() -> protocolError(operation + ": rpc-reply has no <data>", null));
    }

    private static String filter(String subtree) {
        return subtree == null || subtree.isBlank() ? "" : "<filter type=\"subtree\">" + subtree + "</filter>";
    }

    private void requireWritable(Datastore target) {
        if (target == Datastore.CANDIDATE) {
            requireCapability(Hello.CANDIDATE, "edit-config on candidate");
        }
    }

    private void requireCapability(String prefix, String what) {
        if (!serverHello.supports(prefix)) {
            throw new DriverException(FailureReason.REJECTED, device,
                    what + " needs capability " + prefix + "*, which the device does not announce");
        }
    }

    private DriverException protocolError(String message, Throwable cause) {
        broken = true;
        return new DriverException(FailureReason.PROTOCOL_ERROR, device, message, cause);
    }
}
