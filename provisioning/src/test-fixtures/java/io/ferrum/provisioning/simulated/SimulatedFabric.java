package io.ferrum.provisioning.simulated;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Simulated switches on loopback, each with its own SSH port, host key, flash, running config and command log,
 * speaking the lab's device-shell protocol (exec commands, SFTP rooted at flash). One Apache MINA SSHD server
 * listens on every switch's port and tells the switches apart by the port a connection arrived on: a thousand
 * separate servers would each bring their own I/O threads and timer, and on a small machine the benchmark would
 * then measure the simulator's threads rather than the client.
 */
public final class SimulatedFabric implements Closeable {

    public static final String USER = "admin";
    public static final String PASSWORD = "s3cret-pass";

    /** A 48-port leaf with six uplinks, named as the examples' switches name them. */
    public static final List<String> DEFAULT_PORTS = IntStream.rangeClosed(1, 54)
            .mapToObj(i -> "Ethernet1/" + i).toList();

    private final MultiPortServer server;
    private final ExecutorService shells;
    private final Path root;
    private final Map<Integer, SimulatedSwitch> byPort;
    private final Map<String, SimulatedSwitch> byName;

    private SimulatedFabric(MultiPortServer server, ExecutorService shells, Path root,
                            Map<Integer, SimulatedSwitch> byPort, Map<String, SimulatedSwitch> byName) {
        this.server = server;
        this.shells = shells;
        this.root = root;
        this.byPort = byPort;
        this.byName = byName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @throws IllegalArgumentException when no switch has that name */
    public SimulatedSwitch device(String hostname) {
        SimulatedSwitch device = byName.get(hostname);
        if (device == null) {
            throw new IllegalArgumentException("no simulated switch " + hostname);
        }
        return device;
    }

    /** Every switch, in the order they were named. */
    public List<SimulatedSwitch> devices() {
        return List.copyOf(byName.values());
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop(true);
        } finally {
            shells.shutdownNow();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private SimulatedSwitch deviceOf(SessionContext session) {
        int port = ((InetSocketAddress) session.getLocalAddress()).getPort();
        SimulatedSwitch device = byPort.get(port);
        if (device == null) {
            throw new IllegalStateException("no simulated switch listens on port " + port);
        }
        return device;
    }

    public static final class Builder {
        private final List<String> hostnames = new ArrayList<>();
        private List<String> ports = DEFAULT_PORTS;
        private PublicKey authorizedKey;

        private Builder() {
        }

        public Builder device(String hostname) {
            hostnames.add(hostname);
            return this;
        }

        public Builder devices(List<String> names) {
            hostnames.addAll(names);
            return this;
        }

        /** The ports every switch has ({@code show interfaces}, {@code interface PORT ...}). */
        public Builder ports(List<String> names) {
            this.ports = List.copyOf(names);
            return this;
        }

        /** Accepts this key for {@link #USER} besides the password. */
        public Builder authorizedKey(PublicKey key) {
            this.authorizedKey = key;
            return this;
        }

        public SimulatedFabric start() throws IOException, GeneralSecurityException {
            if (hostnames.isEmpty() || new HashSet<>(hostnames).size() != hostnames.size()) {
                throw new IllegalArgumentException("expected distinct switch names, found " + hostnames);
            }
            Path root = Files.createTempDirectory("ferrum-simulated-");
            Map<Integer, SimulatedSwitch> byPort = new ConcurrentHashMap<>();
            Map<String, SimulatedSwitch> byName = new LinkedHashMap<>();
            ExecutorService shells = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "simulated-switch-shell");
                t.setDaemon(true);
                return t;
            });
            MultiPortServer server = (MultiPortServer) ServerBuilder.builder().factory(MultiPortServer::new).build();
            SimulatedFabric fabric = new SimulatedFabric(server, shells, root, byPort, byName);
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(new KeyPairProvider() {
                @Override
                public Iterable<KeyPair> loadKeys(SessionContext session) {
                    return List.of(fabric.deviceOf(session).hostKey());
                }
            });
            server.setPasswordAuthenticator((user, password, session) -> USER.equals(user)
                    && PASSWORD.equals(password));
            PublicKey allowed = authorizedKey;
            server.setPublickeyAuthenticator((user, key, session) ->
                    allowed != null && USER.equals(user) && KeyUtils.compareKeys(allowed, key));
            server.setCommandFactory((channel, command) ->
                    new DeviceShellCommand(fabric.deviceOf(channel.getSession()), command, shells));
            // ForceCommand in the lab turns a login shell into the shell's "interactive login" refusal
            server.setShellFactory(channel -> new DeviceShellCommand(fabric.deviceOf(channel.getSession()), "",
                    shells));
            server.setFileSystemFactory(new FileSystemFactory() {
                @Override
                public Path getUserHomeDir(SessionContext session) throws IOException {
                    return new VirtualFileSystemFactory(fabric.deviceOf(session).flash()).getUserHomeDir(session);
                }

                @Override
                public FileSystem createFileSystem(SessionContext session) throws IOException {
                    return new VirtualFileSystemFactory(fabric.deviceOf(session).flash()).createFileSystem(session);
                }
            });
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            try {
                server.start();
                KeyPairGenerator keys = KeyPairGenerator.getInstance("EC");
                keys.initialize(256);
                for (String name : hostnames) {
                    int port = byName.isEmpty() ? server.getPort() : server.bindNext();
                    Path flash = Files.createDirectories(root.resolve(name).resolve("flash"));
                    SimulatedSwitch device = new SimulatedSwitch(name, port, keys.generateKeyPair(), flash, ports);
                    byPort.put(port, device);
                    byName.put(name, device);
                }
                return fabric;
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                try {
                    fabric.close();
                } catch (IOException | UncheckedIOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    /** MINA's server with one more listening port per switch (its acceptor is not public otherwise). */
    static final class MultiPortServer extends SshServer {

        int bindNext() throws IOException {
            Set<SocketAddress> before = new HashSet<>(acceptor.getBoundAddresses());
            acceptor.bind(new InetSocketAddress("127.0.0.1", 0));
            Set<SocketAddress> added = new HashSet<>(acceptor.getBoundAddresses());
            added.removeAll(before);
            if (added.size() != 1) {
                throw new IOException("expected one new listening address, found " + added);
            }
            return ((InetSocketAddress) added.iterator().next()).getPort();
        }
    }
}
