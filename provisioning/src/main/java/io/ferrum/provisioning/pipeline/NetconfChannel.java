package io.ferrum.provisioning.pipeline;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.netconf.Datastore;
import io.ferrum.provisioning.driver.netconf.DefaultOperation;
import io.ferrum.provisioning.driver.netconf.NetconfDriver;
import io.ferrum.provisioning.driver.netconf.NetconfSession;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import java.time.Duration;
import java.util.function.Function;

/**
 * NETCONF (RFC 6241) to the lab's YANG model. {@code stage} proves the device accepts the config without changing
 * it (lock, edit-config to the candidate, validate, discard, unlock). {@code apply} replaces the config in one
 * session: lock the candidate, edit-config with default-operation replace, {@code commit confirmed} with a timeout,
 * read the running config back and confirm only if it is what was rendered. If the read-back differs, or Ferrum dies
 * inside the window, the commit is never confirmed and the device rolls back by itself.
 */
public class NetconfChannel implements ConfigChannel {

    /** The parts of the device's config Ferrum owns (the containers of {@code ferrum-lab.yang}). */
    static final String FILTER = "<system xmlns=\"urn:ferrum:lab\"/><interfaces xmlns=\"urn:ferrum:lab\"/>"
            + "<routing xmlns=\"urn:ferrum:lab\"/>";

    private final NetconfDriver netconf;
    private final Function<DeviceTarget, SshTarget> access;
    private final Duration confirmTimeout;

    public NetconfChannel(NetconfDriver netconf, Function<DeviceTarget, SshTarget> access, Duration confirmTimeout) {
        this.netconf = netconf;
        this.access = access;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public String target() {
        return "netconf";
    }

    @Override
    public String comparable(String config) {
        return ConfigLeaves.of(config);
    }

    @Override
    public Connection connect(DeviceTarget device) {
        NetconfSession session = open(device);
        return new Connection() {
            @Override
            public String running() {
                return ConfigLeaves.of(session.getConfig(Datastore.RUNNING, FILTER));
            }

            @Override
            public void stage(String fileName, String config) {
                session.lock(Datastore.CANDIDATE);
                try {
                    session.discardChanges();
                    session.editConfig(Datastore.CANDIDATE, DefaultOperation.REPLACE, config);
                    session.rpc("validate", "<validate><source><candidate/></source></validate>");
                } finally {
                    session.discardChanges();
                    session.unlock(Datastore.CANDIDATE);
                }
            }

            @Override
            public void apply(String fileName, String config) {
                push(session, device, config, ConfigLeaves.of(config));
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }

    /** The running config of one device, in its own session. */
    public String running(DeviceTarget device) {
        try (Connection connection = connect(device)) {
            return connection.running();
        }
    }

    /**
     * Pushes {@code config} and confirms the commit only when the running config reads back as {@code expected}
     * (canonical leaves); otherwise leaves the commit unconfirmed, so the device rolls back, and fails.
     */
    public void applyExpecting(DeviceTarget device, String config, String expected) {
        try (NetconfSession session = open(device)) {
            push(session, device, config, expected);
        }
    }

    /** Unconfirmed on failure: closing the session (the caller's) ends the confirmed commit and the server rolls back. */
    private void push(NetconfSession session, DeviceTarget device, String config, String expected) {
        session.lock(Datastore.CANDIDATE);
        session.discardChanges();
        session.editConfig(Datastore.CANDIDATE, DefaultOperation.REPLACE, config);
        session.commitConfirmed(confirmTimeout);
        String after = ConfigLeaves.of(session.getConfig(Datastore.RUNNING, FILTER));
        if (!ConfigText.sha256(after).equals(ConfigText.sha256(expected))) {
            throw new DriverException(FailureReason.REJECTED, device.hostname(), "the running config did not read "
                    + "back as rendered after the confirmed commit; left unconfirmed, the device rolls back within "
                    + confirmTimeout.toSeconds() + " s");
        }
        session.commit();
        session.unlock(Datastore.CANDIDATE);
    }

    private NetconfSession open(DeviceTarget device) {
        return netconf.open(access.apply(device).withPort(NetconfDriver.DEFAULT_PORT));
    }
}
