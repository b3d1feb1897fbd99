package io.ferrum.provisioning.pipeline;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshSession;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Firmware over the device shell: {@code show version} to read, SFTP (resumed, read back and hashed by the driver)
 * to stage, {@code install firmware FILE sha256 HEX} to activate.
 */
public class DeviceShellFirmware implements FirmwareChannel {

    private static final Pattern VERSION = Pattern.compile("(?m)^firmware:\\s*(\\S+)\\s*$");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final SshDriver ssh;
    private final Function<DeviceTarget, SshTarget> access;

    public DeviceShellFirmware(SshDriver ssh, Function<DeviceTarget, SshTarget> access) {
        this.ssh = ssh;
        this.access = access;
    }

    /** The version in {@code show version}'s output. */
    static String parseVersion(String device, String showVersion) {
        Matcher m = VERSION.matcher(showVersion);
        if (!m.find()) {
            throw new DriverException(FailureReason.PROTOCOL_ERROR, device,
                    "'show version' names no firmware (expected a line 'firmware: VERSION')");
        }
        return m.group(1);
    }

    @Override
    public Connection connect(DeviceTarget device) {
        SshSession session = ssh.open(access.apply(device));
        return new Connection() {
            @Override
            public String version() {
                return parseVersion(device.hostname(), session.run("show version").requireSuccess().stdout());
            }

            @Override
            public void stage(Path file, String fileName) {
                requireSafe(fileName);
                session.upload(file, fileName);
            }

            @Override
            public void install(String fileName, String sha256) {
                requireSafe(fileName);
                if (!SHA256.matcher(sha256).matches()) {
                    throw new DriverException(FailureReason.REJECTED, device.hostname(), "not a SHA-256: " + sha256);
                }
                session.run("install firmware " + fileName + " sha256 " + sha256).requireSuccess();
            }

            private void requireSafe(String fileName) {
                if (!SAFE_NAME.matcher(fileName).matches()) {
                    throw new DriverException(FailureReason.REJECTED, device.hostname(), "unsafe file name " + fileName);
                }
            }

            @Override
            public void close() {
                session.close();
            }
        };
    }
}
