package io.ferrum.provisioning.driver.ssh;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.peers.InProcessSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshDriverTest {

    private static final Timeouts FAST = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5));

    @TempDir
    Path tmp;

    private KeyPair clientKey;
    private InProcessSshServer server;
    private SshDriver driver;

    @BeforeEach
    void start() throws Exception {
        clientKey = InProcessSshServer.newRsaKey();
        server = InProcessSshServer.builder("leaf01").authorizedKey(clientKey.getPublic()).start();
        driver = new SshDriver(FAST, HostKeyPins.inMemory());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private SshTarget passwordTarget(String password) {
        return new SshTarget("leaf01", "127.0.0.1", server.port(),
                new SshCredentials.Password(InProcessSshServer.USER, password));
    }

    @Test
    void runsCommandAndReturnsOutputAndExitStatus() {
        try (SshSession session = driver.open(passwordTarget(InProcessSshServer.PASSWORD))) {
            CommandResult version = session.run("show version");
            assertThat(version.exitStatus()).isZero();
            assertThat(version.stdout()).contains("serial SN-leaf01");

            CommandResult failed = session.run("fail 3 % interface does not exist");
            assertThat(failed.exitStatus()).isEqualTo(3);
            assertThatThrownBy(failed::requireSuccess).isInstanceOfSatisfying(DriverException.class, e -> {
                assertThat(e.reason()).isEqualTo(FailureReason.REJECTED);
                assertThat(e.getMessage()).contains("interface does not exist");
            });
        }
    }

    @Test
    void readsOutputLargerThanTheChannelWindow() {
        try (SshSession session = driver.open(passwordTarget(InProcessSshServer.PASSWORD))) {
            CommandResult big = session.run("big 5000000");
            assertThat(big.stdout()).hasSize(5_000_000);
        }
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        assertThatThrownBy(() -> driver.open(passwordTarget("wrong")))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.AUTH_FAILED);
                    assertThat(e.retryable()).isFalse();
                });
    }

    @Test
    void authenticatesWithPrivateKeyAndRefusesAnUnknownKey() throws Exception {
        Path keyFile = writePkcs8(clientKey, "good.pem");
        SshTarget keyTarget = new SshTarget("leaf01", "127.0.0.1", server.port(),
                new SshCredentials.PrivateKey(InProcessSshServer.USER, keyFile, null));
        try (SshSession session = driver.open(keyTarget)) {
            assertThat(session.run("echo hello").stdout()).isEqualTo("hello\n");
        }
        Path otherKey = writePkcs8(InProcessSshServer.newRsaKey(), "other.pem");
        SshTarget wrongKey = new SshTarget("leaf01", "127.0.0.1", server.port(),
                new SshCredentials.PrivateKey(InProcessSshServer.USER, otherKey, null));
        assertThatThrownBy(() -> driver.open(wrongKey)).isInstanceOfSatisfying(DriverException.class,
                e -> assertThat(e.reason()).isEqualTo(FailureReason.AUTH_FAILED));
    }

    @Test
    void commandOverItsDeadlineIsTimeoutAndReturnsPromptly() {
        try (SshSession session = driver.open(passwordTarget(InProcessSshServer.PASSWORD))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> session.run("sleep 30000", Duration.ofMillis(500)))
                    .isInstanceOfSatisfying(DriverException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            // The connection survives a timed-out channel.
            assertThat(session.run("echo still here").stdout()).isEqualTo("still here\n");
        }
    }

    @Test
    void silentPeerIsTimeoutWithinConnectDeadline() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    held.add(blackHole.accept());
                } catch (Exception ignored) {
                    // Socket closed at the end of the test.
                }
            });
            acceptor.start();
            long started = System.nanoTime();
            SshTarget target = passwordTarget("x").withPort(blackHole.getLocalPort());
            assertThatThrownBy(() -> driver.open(target)).isInstanceOfSatisfying(DriverException.class,
                    e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void closedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SshTarget target = passwordTarget("x").withPort(port);
        assertThatThrownBy(() -> driver.open(target)).isInstanceOfSatisfying(DriverException.class,
                e -> assertThat(e.reason()).isEqualTo(FailureReason.UNREACHABLE));
    }

    @Test
    void pinsFirstHostKeyAndRefusesAChangedOne() throws Exception {
        Path pinFile = tmp.resolve("known_devices");
        SshDriver pinning = new SshDriver(FAST, HostKeyPins.file(pinFile));
        try (SshSession first = pinning.open(passwordTarget(InProcessSshServer.PASSWORD))) {
            assertThat(first.isOpen()).isTrue();
        }
        assertThat(Files.readString(pinFile)).contains("[127.0.0.1]:" + server.port());

        // A fresh store reading the same file must still trust the same key.
        SshDriver reloaded = new SshDriver(FAST, HostKeyPins.file(pinFile));
        reloaded.open(passwordTarget(InProcessSshServer.PASSWORD)).close();

        server.changeHostKey();
        assertThatThrownBy(() -> reloaded.open(passwordTarget(InProcessSshServer.PASSWORD)))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.HOST_KEY_CHANGED);
                    assertThat(e.getMessage()).contains("host key changed").contains("SHA256:");
                });

        HostKeyPins pins = HostKeyPins.file(pinFile);
        pins.forget("127.0.0.1", server.port());
        new SshDriver(FAST, pins).open(passwordTarget(InProcessSshServer.PASSWORD)).close();
    }

    private Path writePkcs8(KeyPair key, String name) throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Path file = tmp.resolve(name);
        Files.writeString(file, pem);
        return file;
    }
}
