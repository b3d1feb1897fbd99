package io.ferrum.provisioning.driver.ssh;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.peers.InProcessSshServer;
import io.ferrum.provisioning.peers.ThreadedCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device whose sftp-server starts but never says hello (seen on the lab when a device was busy): the upload ends
 * with TIMEOUT at the command deadline instead of blocking its pipeline worker forever.
 */
class SftpStallTest {

    @TempDir
    Path local;

    /** An "sftp" subsystem that reads and never answers. */
    static final class SilentSftp implements SubsystemFactory {
        @Override
        public String getName() {
            return "sftp";
        }

        @Override
        public Command createSubsystem(ChannelSession channel) {
            return new ThreadedCommand() {
                @Override
                protected int run(InputStream in, OutputStream out, OutputStream err) throws Exception {
                    in.transferTo(OutputStream.nullOutputStream());
                    return 0;
                }
            };
        }
    }

    @Test
    void anSftpServerThatNeverAnswersTimesOutAtTheCommandDeadline() throws Exception {
        Path file = Files.writeString(local.resolve("candidate.conf"), "hostname = leaf01\n");
        try (InProcessSshServer server = InProcessSshServer.builder("leaf01").subsystem(new SilentSftp()).start();
             SshSession session = new SshDriver(new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(1),
                     Duration.ofSeconds(2)), HostKeyPins.inMemory()).open(new SshTarget("leaf01", "127.0.0.1",
                     server.port(), new SshCredentials.Password(InProcessSshServer.USER, InProcessSshServer.PASSWORD)))) {
            assertThatThrownBy(() -> session.upload(file, "candidate.conf"))
                    .isInstanceOfSatisfying(DriverException.class,
                            e -> org.assertj.core.api.Assertions.assertThat(e.reason()).isIn(FailureReason.TIMEOUT,
                                    FailureReason.CLOSED));
        }
    }
}
