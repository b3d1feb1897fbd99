package io.ferrum.provisioning.driver.netconf;

import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshSession;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import io.ferrum.provisioning.driver.ssh.SubsystemChannel;

import java.util.Objects;

/** Entry point for NETCONF: an SSH connection (host key pinned as for any SSH use) plus the netconf subsystem. */
public final class NetconfDriver {

    public static final int DEFAULT_PORT = 830;
    static final String SUBSYSTEM = "netconf";

    private final SshDriver ssh;

    public NetconfDriver(SshDriver ssh) {
        this.ssh = Objects.requireNonNull(ssh);
    }

    public NetconfSession open(SshTarget target) {
        SshSession session = ssh.open(target);
        try {
            SubsystemChannel channel = session.openSubsystem(SUBSYSTEM);
            return NetconfSession.start(channel, session, ssh.timeouts());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }
}
