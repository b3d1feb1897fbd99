package io.ferrum.provisioning.driver.ssh;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.peers.InProcessSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SftpUploadTest {

    @TempDir
    Path local;
    @TempDir
    Path deviceRoot;

    private InProcessSshServer server;
    private SshSession session;
    private Path image;
    private byte[] content;

    @BeforeEach
    void start() throws Exception {
        server = InProcessSshServer.builder("leaf01").sftpRoot(deviceRoot).start();
        session = new SshDriver(new Timeouts(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(20)),
                HostKeyPins.inMemory()).open(new SshTarget("leaf01", "127.0.0.1", server.port(),
                new SshCredentials.Password(InProcessSshServer.USER, InProcessSshServer.PASSWORD)));
        content = new byte[1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        image = local.resolve("firmware-2.1.bin");
        Files.write(image, content);
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
        server.close();
    }

    @Test
    void uploadsAndVerifiesSha256() throws Exception {
        UploadResult result = session.upload(image, "/firmware-2.1.bin");
        assertThat(result.resumedFrom()).isZero();
        assertThat(result.bytes()).isEqualTo(content.length);
        assertThat(result.sha256()).isEqualTo(SshSession.sha256(image));
        assertThat(Files.readAllBytes(deviceRoot.resolve("firmware-2.1.bin"))).isEqualTo(content);
        assertThat(deviceRoot.resolve("firmware-2.1.bin.part")).doesNotExist();
    }

    @Test
    void resumesAnInterruptedUpload() throws Exception {
        int already = 400_000;
        Files.write(deviceRoot.resolve("firmware-2.1.bin.part"), Arrays.copyOf(content, already));
        UploadResult result = session.upload(image, "/firmware-2.1.bin");
        assertThat(result.resumedFrom()).isEqualTo(already);
        assertThat(Files.readAllBytes(deviceRoot.resolve("firmware-2.1.bin"))).isEqualTo(content);
    }

    @Test
    void corruptPartialFileIsChecksumMismatchThenARetrySucceeds() throws Exception {
        byte[] corrupt = Arrays.copyOf(content, 300_000);
        corrupt[1234] ^= 0x5a;
        Files.write(deviceRoot.resolve("firmware-2.1.bin.part"), corrupt);
        assertThatThrownBy(() -> session.upload(image, "/firmware-2.1.bin"))
                .isInstanceOfSatisfying(DriverException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.CHECKSUM_MISMATCH);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(deviceRoot.resolve("firmware-2.1.bin.part")).doesNotExist();
        assertThat(deviceRoot.resolve("firmware-2.1.bin")).doesNotExist();

        UploadResult retry = session.upload(image, "/firmware-2.1.bin");
        assertThat(retry.resumedFrom()).isZero();
        assertThat(Files.readAllBytes(deviceRoot.resolve("firmware-2.1.bin"))).isEqualTo(content);
    }
}
