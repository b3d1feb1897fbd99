package io.ferrum.provisioning.driver.session;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshSession;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import io.ferrum.provisioning.peers.InProcessSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionPoolTest {

    private final List<InProcessSshServer> servers = new ArrayList<>();
    private ServerSocket blackHole;
    private final List<Socket> held = new ArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private Map<String, SshTarget> targets;
    private SshDriver driver;

    @BeforeEach
    void start() throws Exception {
        for (int i = 0; i < 2; i++) {
            servers.add(InProcessSshServer.builder("leaf0" + i).start());
        }
        // A device that accepts TCP and then never speaks: the classic hung switch.
        blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(blackHole.accept());
                }
            } catch (Exception ignored) {
                // closed at the end of the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        SshCredentials login = new SshCredentials.Password(InProcessSshServer.USER, InProcessSshServer.PASSWORD);
        targets = Map.of(
                "leaf00", new SshTarget("leaf00", "127.0.0.1", servers.get(0).port(), login),
                "leaf01", new SshTarget("leaf01", "127.0.0.1", servers.get(1).port(), login),
                "dead", new SshTarget("dead", "127.0.0.1", blackHole.getLocalPort(), login));
        driver = new SshDriver(new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(5)),
                HostKeyPins.inMemory());
    }

    @AfterEach
    void stop() throws Exception {
        for (InProcessSshServer s : servers) {
            s.close();
        }
        blackHole.close();
        for (Socket s : held) {
            s.close();
        }
    }

    private SessionPool<String, SshSession> pool(PoolLimits limits) {
        return new SessionPool<>(device -> {
            opened.incrementAndGet();
            return driver.open(targets.get(device));
        }, SshSession::isOpen, limits);
    }

    @Test
    void reusesIdleSessionsAndDiscardsInvalidatedOnes() {
        try (SessionPool<String, SshSession> pool = pool(new PoolLimits(1, 10, Duration.ofSeconds(1), Duration.ofMinutes(1)))) {
            try (SessionPool.Lease<SshSession> lease = pool.acquire("leaf00")) {
                assertThat(lease.session().run("show version").stdout()).contains("leaf00");
            }
            try (SessionPool.Lease<SshSession> lease = pool.acquire("leaf00")) {
                lease.session().run("echo again");
                lease.invalidate();
            }
            assertThat(opened).hasValue(1);
            assertThat(pool.openSessions()).isZero();
            pool.acquire("leaf00").close();
            assertThat(opened).hasValue(2);
        }
    }

    @Test
    void perDeviceBoundGivesBusyWhileOtherDevicesStillServe() {
        try (SessionPool<String, SshSession> pool = pool(new PoolLimits(1, 10, Duration.ofMillis(300), Duration.ofMinutes(1)))) {
            try (SessionPool.Lease<SshSession> held = pool.acquire("leaf00")) {
                assertThatThrownBy(() -> pool.acquire("leaf00")).isInstanceOfSatisfying(DriverException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.BUSY));
                try (SessionPool.Lease<SshSession> other = pool.acquire("leaf01")) {
                    assertThat(other.session().run("show version").stdout()).contains("leaf01");
                }
            }
        }
    }

    @Test
    void aHungDeviceDoesNotBlockOthers() throws Exception {
        try (SessionPool<String, SshSession> pool = pool(new PoolLimits(2, 10, Duration.ofSeconds(5), Duration.ofMinutes(1)))) {
            CompletableFuture<Throwable> stuck = CompletableFuture.supplyAsync(() -> {
                try (SessionPool.Lease<SshSession> lease = pool.acquire("dead")) {
                    return null;
                } catch (DriverException e) {
                    return e;
                }
            });
            Thread.sleep(200);
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                try (SessionPool.Lease<SshSession> lease = pool.acquire(i % 2 == 0 ? "leaf00" : "leaf01")) {
                    lease.session().run("echo ok");
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(stuck.isDone()).isFalse();
            Throwable failure = stuck.get(10, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOfSatisfying(DriverException.class,
                    e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
        }
    }

    @Test
    void totalBoundEvictsIdleSessionsOfOtherDevices() {
        try (SessionPool<String, SshSession> pool = pool(new PoolLimits(1, 1, Duration.ofMillis(300), Duration.ofMinutes(1)))) {
            pool.acquire("leaf00").close();
            assertThat(pool.openSessions()).isEqualTo(1);
            try (SessionPool.Lease<SshSession> lease = pool.acquire("leaf01")) {
                assertThat(pool.openSessions()).isEqualTo(1);
                assertThatThrownBy(() -> pool.acquire("leaf00")).isInstanceOfSatisfying(DriverException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.BUSY));
            }
        }
    }
}
