package io.ferrum.provisioning.driver.ssh;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.Watchdog;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicReference;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/** An authenticated SSH connection to one device. Each command opens its own channel, so calls may run concurrently. */
public final class SshSession implements Closeable {

    private static final int SFTP_PIPELINED_REQUESTS = 16;

    private final SshTarget target;
    private final SSHClient client;
    private final Timeouts timeouts;

    SshSession(SshTarget target, SSHClient client, Timeouts timeouts) {
        this.target = target;
        this.client = client;
        this.timeouts = timeouts;
    }

    public SshTarget target() {
        return target;
    }

    public boolean isOpen() {
        return client.isConnected() && client.isAuthenticated();
    }

    public CommandResult run(String command) {
        return run(command, timeouts.command());
    }

    /** Runs one command; the whole exchange (channel open, output, exit status) must finish within {@code timeout}. */
    public CommandResult run(String command, Duration timeout) {
        long started = System.nanoTime();
        Session session = openSession();
        try (Watchdog watchdog = Watchdog.arm(timeout, () -> closeQuietly(session))) {
            try {
                Session.Command cmd = session.exec(command);
                // Stdout first, then stderr: a device writing more than one SSH window (2 MiB) to stderr
                // while also writing stdout would stall, which the watchdog then turns into TIMEOUT.
                String stdout = readAll(cmd.getInputStream());
                String stderr = readAll(cmd.getErrorStream());
                long leftMs = Math.max(1, timeout.toMillis() - elapsedMs(started));
                cmd.join(leftMs, TimeUnit.MILLISECONDS);
                if (watchdog.fired()) {
                    throw timeout(command, timeout);
                }
                Integer exit = cmd.getExitStatus();
                return new CommandResult(target.device(), command, exit == null ? -1 : exit, stdout, stderr,
                        Duration.ofNanos(System.nanoTime() - started));
            } catch (Exception e) {
                if (watchdog.fired()) {
                    throw timeout(command, timeout);
                }
                throw SshFailures.translate(target.device(), "command '" + command + "'", e, null);
            }
        } finally {
            closeQuietly(session);
        }
    }

    /**
     * Uploads {@code local} to {@code remotePath}, resuming a partial {@code remotePath + ".part"} left by an earlier
     * attempt, then reads the file back and compares SHA-256 before moving it into place. The read-back costs a second
     * transfer but needs nothing from the device beyond SFTP, so it works on appliances without a shell.
     */
    public UploadResult upload(Path local, String remotePath) {
        String part = remotePath + ".part";
        // Armed before the SFTP client exists: its constructor waits for the server's version packet with no
        // deadline of its own, and a device whose sftp-server never answers must not hold a pipeline forever.
        AtomicReference<SFTPClient> opened = new AtomicReference<>();
        try (Watchdog watchdog = Watchdog.arm(timeouts.command(), () -> {
            SFTPClient sftp = opened.get();
            closeQuietly(sftp != null ? sftp : client);
        })) {
            try (SFTPClient sftp = client.newSFTPClient()) {
                opened.set(sftp);
                sftp.getSFTPEngine().setTimeoutMs(timeouts.readMillis());
                long size = Files.size(local);
                long offset = resumeOffset(sftp, part, size);
                String expected = sha256(local);
                appendFrom(sftp, local, part, offset);
                String actual = remoteSha256(sftp, part);
                if (!expected.equals(actual)) {
                    sftp.rm(part);
                    throw new DriverException(FailureReason.CHECKSUM_MISMATCH, target.device(),
                            "uploaded " + remotePath + " hashes to " + actual + ", expected " + expected
                                    + " (partial file removed; retry uploads from scratch)");
                }
                if (sftp.statExistence(remotePath) != null) {
                    sftp.rm(remotePath);
                }
                sftp.rename(part, remotePath);
                return new UploadResult(remotePath, size, offset, expected);
            } catch (DriverException e) {
                throw e;
            } catch (Exception e) {
                if (watchdog.fired()) {
                    throw new DriverException(FailureReason.TIMEOUT, target.device(),
                            "upload of " + local + " did not finish within " + timeouts.command(), e);
                }
                throw SshFailures.translate(target.device(), "upload to " + remotePath, e, null);
            }
        }
    }

    /** Opens a subsystem channel (e.g. {@code netconf}); the caller owns and closes it. */
    public SubsystemChannel openSubsystem(String name) {
        Session session = openSession();
        try {
            return new SubsystemChannel(target.device(), session, session.startSubsystem(name));
        } catch (Exception e) {
            closeQuietly(session);
            throw SshFailures.translate(target.device(), "subsystem " + name, e, null);
        }
    }

    @Override
    public void close() {
        SshDriver.closeQuietly(client);
    }

    private Session openSession() {
        try {
            return client.startSession();
        } catch (Exception e) {
            throw SshFailures.translate(target.device(), "open channel", e, null);
        }
    }

    private static long resumeOffset(SFTPClient sftp, String part, long localSize) throws IOException {
        FileAttributes existing = sftp.statExistence(part);
        if (existing == null) {
            return 0;
        }
        if (existing.getSize() > localSize) {
            // Left over from a different, larger file: cannot be a prefix of ours.
            sftp.rm(part);
            return 0;
        }
        return existing.getSize();
    }

    private static void appendFrom(SFTPClient sftp, Path local, String part, long offset) throws IOException {
        try (RemoteFile file = sftp.open(part, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT));
             InputStream in = Files.newInputStream(local)) {
            in.skipNBytes(offset);
            try (OutputStream out = file.new RemoteFileOutputStream(offset, SFTP_PIPELINED_REQUESTS)) {
                in.transferTo(out);
            }
        }
    }

    private static String remoteSha256(SFTPClient sftp, String path) throws IOException {
        try (RemoteFile file = sftp.open(path, EnumSet.of(OpenMode.READ));
             InputStream in = file.new ReadAheadRemoteFileInputStream(SFTP_PIPELINED_REQUESTS)) {
            return digest(in);
        }
    }

    static String sha256(Path local) throws IOException {
        try (InputStream in = Files.newInputStream(local)) {
            return digest(in);
        }
    }

    private static String digest(InputStream in) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (DigestInputStream din = new DigestInputStream(in, md)) {
            din.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toString(StandardCharsets.UTF_8);
    }

    private DriverException timeout(String command, Duration timeout) {
        return new DriverException(FailureReason.TIMEOUT, target.device(),
                "command '" + command + "' did not finish within " + timeout);
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing to unblock or clean up; the caller already has the error that matters.
        }
    }
}
