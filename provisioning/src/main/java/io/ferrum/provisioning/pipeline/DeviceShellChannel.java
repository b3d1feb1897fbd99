package io.ferrum.provisioning.pipeline;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshSession;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The device shell over SSH: {@code show running-config} to read, SFTP to stage (checksum-verified by the
 * driver), {@code configure replace FILE} to apply, all in the task's one SSH session.
 */
public class DeviceShellChannel implements ConfigChannel {

    private final SshDriver ssh;
    private final Function<DeviceTarget, SshTarget> access;

    /** @param access the SSH target (address, port, credentials) of a device */
    public DeviceShellChannel(SshDriver ssh, Function<DeviceTarget, SshTarget> access) {
        this.ssh = ssh;
        this.access = access;
    }

    @Override
    public Connection connect(DeviceTarget device) {
        SshSession session = ssh.open(access.apply(device));
        return new Connection() {
            @Override
            public String running() {
                return session.run("show running-config").requireSuccess().stdout();
            }

            @Override
            public void stage(String fileName, String config) {
                Path local;
                try {
                    local = Files.createTempFile("ferrum-" + device.hostname() + "-", ".conf");
                    Files.writeString(local, config, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the config to stage for " + device.hostname(), e);
                }
                try {
                    session.upload(local, fileName);
                } finally {
                    try {
                        Files.deleteIfExists(local);
                    } catch (IOException ignored) {
                        // a temp file left behind is harmless
                    }
                }
            }

            @Override
            public void apply(String fileName, String config) {
                if (!fileName.matches("[A-Za-z0-9._-]+")) {
                    throw new DriverException(FailureReason.REJECTED, device.hostname(), "unsafe file name " + fileName);
                }
                session.run("configure replace " + fileName).requireSuccess();
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
