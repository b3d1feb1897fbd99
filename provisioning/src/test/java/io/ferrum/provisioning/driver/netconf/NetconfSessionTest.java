package io.ferrum.provisioning.driver.netconf;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import io.ferrum.provisioning.peers.InProcessSshServer;
import io.ferrum.provisioning.peers.ScriptedNetconfServer;
import io.ferrum.provisioning.peers.ScriptedNetconfServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetconfSessionTest {

    private static final List<String> CAPS_11 = List.of("urn:ietf:params:netconf:base:1.0",
            "urn:ietf:params:netconf:base:1.1", "urn:ietf:params:netconf:capability:candidate:1.0",
            "urn:ietf:params:netconf:capability:confirmed-commit:1.1");
    private static final List<String> CAPS_10 = List.of("urn:ietf:params:netconf:base:1.0");
    private static final String IFACE = "<interfaces xmlns=\"urn:ferrum:lab\"><interface><name>Ethernet1</name>"
            + "<description>uplink</description></interface></interfaces>";

    private InProcessSshServer server;
    private ScriptedNetconfServer netconf;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private NetconfSession open(List<String> caps, BiFunction<String, String, Reply> responder) throws Exception {
        netconf = new ScriptedNetconfServer(caps, responder);
        server = InProcessSshServer.builder("leaf01").subsystem(netconf).start();
        SshDriver ssh = new SshDriver(new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                HostKeyPins.inMemory());
        return new NetconfDriver(ssh).open(new SshTarget("leaf01", "127.0.0.1", server.port(),
                new SshCredentials.Password(InProcessSshServer.USER, InProcessSshServer.PASSWORD)));
    }

    @Test
    void negotiatesChunkedFramingAndRoundTripsEditAndGetConfig() throws Exception {
        try (NetconfSession session = open(CAPS_11, (id, rpc) -> rpc.contains("<get-config>")
                ? ScriptedNetconfServer.data(id, IFACE) : ScriptedNetconfServer.ok(id))) {
            assertThat(session.chunked()).isTrue();
            assertThat(session.serverHello().sessionId()).isEqualTo(42);
            session.lock(Datastore.CANDIDATE);
            session.editConfig(Datastore.CANDIDATE, DefaultOperation.REPLACE, IFACE);
            session.commitConfirmed(Duration.ofSeconds(60));
            session.commit();
            session.unlock(Datastore.CANDIDATE);
            String data = session.getConfig(Datastore.RUNNING, "<interfaces xmlns=\"urn:ferrum:lab\"/>");
            assertThat(data).contains("<name>Ethernet1</name>").contains("<description>uplink</description>");
        }
        List<String> sent = netconf.requests();
        assertThat(sent.get(0)).contains("<lock><target><candidate/></target></lock>");
        assertThat(sent.get(1)).contains("<default-operation>replace</default-operation>").contains("<name>Ethernet1</name>");
        assertThat(sent.get(2)).contains("<confirmed/><confirm-timeout>60</confirm-timeout>");
        assertThat(sent.get(5)).contains("<filter type=\"subtree\"><interfaces xmlns=\"urn:ferrum:lab\"/></filter>");
    }

    @Test
    void speaksEndOfMessageFramingToA10OnlyServerAndRefusesCandidateOpsItLacks() throws Exception {
        try (NetconfSession session = open(CAPS_10, (id, rpc) -> ScriptedNetconfServer.data(id, IFACE))) {
            assertThat(session.chunked()).isFalse();
            assertThat(session.get(null)).contains("Ethernet1");
            assertThatThrownBy(session::commit).isInstanceOfSatisfying(DriverException.class,
                    e -> assertThat(e.reason()).isEqualTo(FailureReason.REJECTED));
            assertThatThrownBy(() -> session.commitConfirmed(Duration.ofSeconds(10)))
                    .hasMessageContaining("confirmed-commit");
        }
        assertThat(netconf.requests()).hasSize(1);
    }

    @Test
    void rpcErrorBecomesTypedExceptionAndLockDeniedIsRetryable() throws Exception {
        try (NetconfSession session = open(CAPS_11, (id, rpc) -> rpc.contains("<lock>")
                ? ScriptedNetconfServer.error(id, "protocol", "lock-denied", "held by session 7")
                : ScriptedNetconfServer.error(id, "application", "invalid-value", "mtu out of range"))) {
            assertThatThrownBy(() -> session.editConfig(Datastore.RUNNING, DefaultOperation.MERGE, IFACE))
                    .isInstanceOfSatisfying(NetconfRpcException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.REJECTED);
                        assertThat(e.errors()).singleElement().satisfies(err -> {
                            assertThat(err.tag()).isEqualTo("invalid-value");
                            assertThat(err.type()).isEqualTo("application");
                            assertThat(err.message()).isEqualTo("mtu out of range");
                        });
                    });
            assertThatThrownBy(() -> session.lock(Datastore.RUNNING))
                    .isInstanceOfSatisfying(NetconfRpcException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.IN_USE);
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.hasTag("lock-denied")).isTrue();
                    });
            // rpc-errors leave the stream in sync, so the session stays usable.
            assertThatThrownBy(() -> session.get(null)).isInstanceOf(NetconfRpcException.class);
        }
    }

    @Test
    void malformedXmlReplyIsProtocolErrorAndPoisonsTheSession() throws Exception {
        try (NetconfSession session = open(CAPS_11, (id, rpc) -> new Reply.Framed("<rpc-reply message-id=\"" + id + "\"><data>"))) {
            assertThatThrownBy(() -> session.get(null)).isInstanceOfSatisfying(DriverException.class,
                    e -> assertThat(e.reason()).isEqualTo(FailureReason.PROTOCOL_ERROR));
            assertThatThrownBy(() -> session.get(null)).isInstanceOfSatisfying(DriverException.class,
                    e -> assertThat(e.reason()).isEqualTo(FailureReason.CLOSED));
        }
    }

    @Test
    void brokenChunkFramingIsProtocolError() throws Exception {
        try (NetconfSession session = open(CAPS_11, (id, rpc) -> new Reply.Raw("<rpc-reply/>]]>]]>"))) {
            assertThatThrownBy(() -> session.get(null)).isInstanceOfSatisfying(DriverException.class, e -> {
                assertThat(e.reason()).isEqualTo(FailureReason.PROTOCOL_ERROR);
                assertThat(e.getMessage()).contains("malformed framing");
            });
        }
    }

    @Test
    void replyForAnotherMessageIdIsProtocolError() throws Exception {
        try (NetconfSession session = open(CAPS_11, (id, rpc) -> ScriptedNetconfServer.ok("999"))) {
            assertThatThrownBy(() -> session.lock(Datastore.RUNNING)).isInstanceOfSatisfying(DriverException.class,
                    e -> assertThat(e.getMessage()).contains("does not match"));
        }
    }

    @Test
    void silentServerIsTimeout() throws Exception {
        try (NetconfSession session = open(CAPS_11, (id, rpc) -> new Reply.Silence())) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> session.get(null)).isInstanceOfSatisfying(DriverException.class,
                    e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }
}
