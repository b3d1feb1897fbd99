package io.ferrum.provisioning.peers;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/** An Apache MINA SSHD server on loopback acting as one device: password or key login, CLI, SFTP, extra subsystems. */
public final class InProcessSshServer implements Closeable {

    public static final String USER = "admin";
    public static final String PASSWORD = "s3cret-pass";

    private final SshServer server;

    private InProcessSshServer(SshServer server) {
        this.server = server;
    }

    public static Builder builder(String deviceName) {
        return new Builder(deviceName);
    }

    public int port() {
        return server.getPort();
    }

    /** Swaps the host key on the running server, as a re-imaged (or impersonated) device would. */
    public void changeHostKey() throws GeneralSecurityException {
        server.setKeyPairProvider(KeyPairProvider.wrap(newEcKey()));
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    public static KeyPair newEcKey() throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        return gen.generateKeyPair();
    }

    public static KeyPair newRsaKey() throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        return gen.generateKeyPair();
    }

    public static final class Builder {
        private final String deviceName;
        private PublicKey authorizedKey;
        private Path sftpRoot;
        private final List<SubsystemFactory> subsystems = new ArrayList<>();
        private KeyPair hostKey;

        private Builder(String deviceName) {
            this.deviceName = deviceName;
        }

        public Builder authorizedKey(PublicKey key) {
            this.authorizedKey = key;
            return this;
        }

        public Builder sftpRoot(Path root) {
            this.sftpRoot = root;
            return this;
        }

        public Builder subsystem(SubsystemFactory factory) {
            subsystems.add(factory);
            return this;
        }

        public Builder hostKey(KeyPair key) {
            this.hostKey = key;
            return this;
        }

        public InProcessSshServer start() throws IOException, GeneralSecurityException {
            SshServer server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(KeyPairProvider.wrap(hostKey != null ? hostKey : newEcKey()));
            server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
            PublicKey allowed = authorizedKey;
            server.setPublickeyAuthenticator((user, key, session) ->
                    allowed != null && USER.equals(user) && KeyUtils.compareKeys(allowed, key));
            server.setCommandFactory((channel, command) -> DeviceCommands.forCommand(deviceName, command));
            List<SubsystemFactory> all = new ArrayList<>(subsystems);
            if (sftpRoot != null) {
                server.setFileSystemFactory(new VirtualFileSystemFactory(sftpRoot));
                all.add(new SftpSubsystemFactory());
            }
            server.setSubsystemFactories(all);
            server.start();
            return new InProcessSshServer(server);
        }
    }
}
