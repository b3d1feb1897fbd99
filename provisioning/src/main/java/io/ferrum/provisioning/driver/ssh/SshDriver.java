package io.ferrum.provisioning.driver.ssh;

import io.ferrum.provisioning.driver.Timeouts;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

import java.io.IOException;
import java.util.Objects;

/**
 * Entry point for SSH: opens authenticated sessions to devices, pinning host keys on first contact.
 * Thread-safe; one driver serves every device.
 */
public final class SshDriver {

    // DefaultConfig builds its algorithm lists reflectively; sharing one keeps a 200-device fan-out cheap.
    private static final Config CONFIG = new DefaultConfig();

    private final Timeouts timeouts;
    private final HostKeyPins pins;

    public SshDriver(Timeouts timeouts, HostKeyPins pins) {
        this.timeouts = Objects.requireNonNull(timeouts);
        this.pins = Objects.requireNonNull(pins);
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** Connects, verifies the host key against its pin and authenticates, all within {@link Timeouts#connect()}. */
    public SshSession open(SshTarget target) {
        SSHClient client = new SSHClient(CONFIG);
        PinningVerifier verifier = new PinningVerifier(pins, target.host(), target.port());
        client.addHostKeyVerifier(verifier);
        client.setConnectTimeout(timeouts.connectMillis());
        // SO_TIMEOUT bounds the blocking read of the server's ident line, which has no other deadline.
        client.setTimeout(timeouts.connectMillis());
        // Transport/connection timeouts bound every wait for a reply (kex, auth, channel open).
        client.getTransport().setTimeoutMs(timeouts.connectMillis());
        client.getConnection().setTimeoutMs(timeouts.readMillis());
        try {
            client.connect(target.host(), target.port());
            authenticate(client, target.credentials());
            // Once logged in, sshj's reader thread owns the socket; a read timeout there would kill idle cached
            // sessions, so per-call deadlines are enforced by the transport timeout and watchdogs instead.
            client.getSocket().setSoTimeout(0);
            client.getTransport().setTimeoutMs(timeouts.readMillis());
            return new SshSession(target, client, timeouts);
        } catch (Exception e) {
            closeQuietly(client);
            throw SshFailures.translate(target.device(), "connect to " + target.host() + ":" + target.port(), e, verifier);
        }
    }

    private static void authenticate(SSHClient client, SshCredentials credentials) throws IOException {
        if (credentials instanceof SshCredentials.Password p) {
            client.authPassword(p.username(), p.password());
        } else if (credentials instanceof SshCredentials.PrivateKey k) {
            KeyProvider keys = k.passphrase() == null
                    ? client.loadKeys(k.keyFile().toString())
                    : client.loadKeys(k.keyFile().toString(), k.passphrase());
            client.authPublickey(k.username(), keys);
        } else if (credentials instanceof SshCredentials.KeyText k) {
            // From the credential store: the key never touches the disk.
            client.authPublickey(k.username(), client.loadKeys(k.privateKey(), null, null));
        }
    }

    static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // Already failing; the original error is the one worth reporting.
        }
    }
}
