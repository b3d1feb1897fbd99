package io.ferrum.provisioning.killswitch;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.session.PoolLimits;
import io.ferrum.provisioning.driver.session.SessionPool;
import io.ferrum.provisioning.driver.ssh.CommandResult;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshSession;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import java.io.Closeable;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The device shell over SSH, on a standing pool of sessions (one per device, kept open and checked by
 * {@link #warm}), so an engage is one command per device on a session that is already logged in:
 * {@code interface P1,P2,... shutdown}.
 */
public final class ShellPortChannel implements PortChannel, LinkReader, Closeable {

    /** A device to log in to: the pool's key. */
    private record Device(String name, String address) {
    }

    private final SessionPool<Device, SshSession> pool;
    private final Duration commandTimeout;

    public ShellPortChannel(SshDriver ssh, SshCredentials credentials, Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
        this.pool = new SessionPool<>(d -> ssh.open(new SshTarget(d.name(), d.address(), 22, credentials)),
                SshSession::isOpen, new PoolLimits(2, 256, commandTimeout, Duration.ofHours(12)));
    }

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public void set(String device, String address, List<String> ports, boolean up) {
        String command = "interface " + String.join(",", ports) + (up ? " no shutdown" : " shutdown");
        try (SessionPool.Lease<SshSession> lease = pool.acquire(new Device(device, address))) {
            CommandResult result;
            try {
                result = lease.session().run(command, commandTimeout);
            } catch (DriverException e) {
                lease.invalidate(); // a session that failed mid-command is not trusted again
                throw e;
            }
            if (!result.succeeded()) {
                throw new DriverException(FailureReason.REJECTED, device, "`" + command + "` exited "
                        + result.exitStatus() + ": " + result.stderr().strip());
            }
        }
    }

    /**
     * {@code show interfaces P1,P2,...} on the standing session: the kernel's state as the device reports it, with
     * no agent cache in between (net-snmp caches its ifTable for seconds).
     */
    @Override
    public Map<String, Boolean> operUp(String device, String address, Collection<String> ports) {
        String command = "show interfaces " + String.join(",", ports);
        try (SessionPool.Lease<SshSession> lease = pool.acquire(new Device(device, address))) {
            CommandResult result;
            try {
                result = lease.session().run(command, commandTimeout);
            } catch (DriverException e) {
                lease.invalidate();
                throw e;
            }
            if (!result.succeeded()) {
                throw new DriverException(FailureReason.REJECTED, device, "`" + command + "` exited "
                        + result.exitStatus());
            }
            Map<String, Boolean> up = new HashMap<>();
            for (String line : result.stdout().split("\n")) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length >= 4 && ports.contains(columns[0])) {
                    up.put(columns[0], columns[3].equals("up"));
                }
            }
            return up;
        }
    }

    @Override
    public void warm(String device, String address) {
        try (SessionPool.Lease<SshSession> lease = pool.acquire(new Device(device, address))) {
            if (!lease.session().isOpen()) {
                lease.invalidate();
            }
        }
    }

    public int openSessions() {
        return pool.openSessions();
    }

    @Override
    public void close() {
        pool.close();
    }
}
