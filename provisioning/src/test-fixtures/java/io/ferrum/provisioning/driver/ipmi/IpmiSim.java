package io.ferrum.provisioning.driver.ipmi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real BMC for the tests: OpenIPMI's {@code ipmi_sim} on 127.0.0.1 and a free UDP port, with one admin user and the
 * sensors of {@code ipmi/bmc.emu}. Two kinds, because ipmi_sim 2.0.33 cannot do both at once:
 * <ul>
 *   <li>{@link #withMachine}: power is ipmi_sim's own. Power on runs {@code startcmd}, a stand-in "server" (a shell
 *   loop) whose process exists exactly while the chassis is on; power off kills it. ipmi_sim only powers through
 *   {@code startcmd} when it has a VM serial channel (15), so one listens on a free TCP port with nothing attached.
 *   Set System Boot Options is refused ("invalid data field").</li>
 *   <li>{@link #withChassisControl}: {@code ipmi/chassis-control.sh} keeps power and boot device in files; ipmi_sim
 *   accepts boot options only with such a program, and then routes power through it too.</li>
 * </ul>
 * {@link #close()} kills ipmi_sim and every process it started.
 */
public final class IpmiSim implements AutoCloseable {

    public static final String USER = "ferrum";
    public static final String PASSWORD = "bmc-secret-1";
    static final String LOOPBACK = "127.0.0.1";

    private final Process process;
    private final String address;
    private final int port;
    private final Path dir;
    private final Path machine;

    private IpmiSim(Process process, String address, int port, Path dir, Path machine) {
        this.process = process;
        this.address = address;
        this.port = port;
        this.dir = dir;
        this.machine = machine;
    }

    /** Why the tests cannot run here: ipmi_sim or ipmitool is not installed. */
    public static Optional<String> whyUnavailable() {
        List<String> missing = new ArrayList<>();
        if (Ipmitool.onPath("ipmi_sim").isEmpty()) {
            missing.add("ipmi_sim (Debian package openipmi)");
        }
        if (Ipmitool.onPath("ipmitool").isEmpty()) {
            missing.add("ipmitool (Debian package ipmitool)");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("not on PATH: " + String.join(", ", missing));
    }

    public static IpmiSim withMachine(Path dir) throws IOException {
        return withMachine(dir, LOOPBACK);
    }

    /** A BMC with a stand-in machine on {@code address}, any address of 127.0.0.0/8 (all of it is this host's). */
    public static IpmiSim withMachine(Path dir, String address) throws IOException {
        return withMachine(dir, address, freeUdpPort());
    }

    /** The same on a given UDP port (an application configured with one BMC port before the BMC exists). */
    public static IpmiSim withMachine(Path dir, String address, int port) throws IOException {
        Path machine = dir.resolve("machine");
        Files.writeString(machine, "#!/bin/sh\n# the stand-in server: runs while the chassis is powered\n"
                + "while :; do sleep 1; done\n");
        executable(machine);
        String power = """
                  serial 15 %s %d codec VM
                  startcmd "%s"
                  startnow false
                  poweroff_wait 1
                  kill_wait 1
                """.formatted(address, freeTcpPort(), machine);
        return start(dir, address, port, power, machine);
    }

    static IpmiSim withChassisControl(Path dir) throws IOException {
        Path script = dir.resolve("chassis-control.sh");
        copyResource("chassis-control.sh", script);
        executable(script);
        Path state = Files.createDirectories(dir.resolve("chassis"));
        return start(dir, LOOPBACK, freeUdpPort(), "  chassis_control \"%s %s\"\n".formatted(script, state), null);
    }

    private static IpmiSim start(Path dir, String address, int port, String power, Path machine)
            throws IOException {
        Path conf = dir.resolve("lan.conf");
        Files.writeString(conf, """
                name "ferrum-test"
                set_working_mc 0x20
                  startlan 1
                    addr %s %d
                    priv_limit admin
                    # IPMI 1.5 logins; lanplus (RMCP+) negotiates its own, cipher suites 0 to 3
                    allowed_auths_callback none
                    allowed_auths_user md5
                    allowed_auths_operator md5
                    allowed_auths_admin md5
                    guid a123456789abcdefa123456789abcdef
                  endlan
                %s  user 2 true "%s" "%s" admin 10 md5
                """.formatted(address, port, power, USER, PASSWORD));
        Path emu = dir.resolve("bmc.emu");
        copyResource("bmc.emu", emu);
        Path state = Files.createDirectories(dir.resolve("state"));
        Path log = dir.resolve("ipmi_sim.log");
        Process process = new ProcessBuilder("ipmi_sim", "-n", "-c", conf.toString(), "-f", emu.toString(),
                "-s", state.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        IpmiSim sim = new IpmiSim(process, address, port, dir, machine);
        sim.awaitListening(log);
        return sim;
    }

    public int port() {
        return port;
    }

    /** The admin login, with cipher suite 3: ipmi_sim does not answer Get Channel Cipher Suites (1 s lost per run). */
    public BmcTarget target() {
        return target(USER, PASSWORD);
    }

    BmcTarget target(String user, String password) {
        return new BmcTarget("srv01", address, port, user, password).withCipherSuite(3);
    }

    /** The stand-in server's process, while the chassis is powered ({@link #withMachine} only). */
    public Optional<ProcessHandle> machine() {
        return process.children().filter(this::isMachine).findFirst();
    }

    /** What chassis-control.sh holds for {@code parameter} ("power", "boot"); empty when it holds nothing yet. */
    Optional<String> chassis(String parameter) throws IOException {
        Path file = dir.resolve("chassis").resolve(parameter);
        return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    }

    void chassis(String parameter, String value) throws IOException {
        Files.writeString(dir.resolve("chassis").resolve(parameter), value + "\n");
    }

    /**
     * Kills the stand-in server first, while ipmi_sim is alive to reap it (it might start one more if a power cycle
     * is under way, hence the loop), then ipmi_sim, then any stand-in left anywhere.
     *
     * @return every process that was killed, all of them gone
     */
    List<ProcessHandle> stop() {
        List<ProcessHandle> killed = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            List<ProcessHandle> children = process.descendants().toList();
            children.forEach(ProcessHandle::destroyForcibly);
            killed.addAll(children);
        }
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        killed.add(process.toHandle());
        if (machine != null) {
            ProcessHandle.allProcesses().filter(this::isMachine).forEach(p -> {
                p.destroyForcibly();
                killed.add(p);
            });
        }
        awaitGone(killed);
        return killed;
    }

    @Override
    public void close() {
        stop();
    }

    private boolean isMachine(ProcessHandle p) {
        return machine != null && p.info().commandLine().map(c -> c.contains(machine.toString())).orElse(false);
    }

    private static void awaitGone(List<ProcessHandle> processes) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(50);
        }
    }

    /** ipmi_sim reads its files, then binds the LAN port; once the port shows in /proc/net/udp it answers. */
    private void awaitListening(Path log) throws IOException {
        // 127.0.0.1 is 0100007F there (little-endian), the port 4 hex digits
        String[] octets = address.split("\\.");
        String bound = "%02X%02X%02X%02X:%04X ".formatted(Integer.parseInt(octets[3]), Integer.parseInt(octets[2]),
                Integer.parseInt(octets[1]), Integer.parseInt(octets[0]), port);
        Path udp = Path.of("/proc/net/udp");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ipmi_sim exited " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (!Files.exists(udp)) {
                sleep(1000);   // not Linux: give it a second
                return;
            }
            if (Files.readString(udp).contains(bound)) {
                return;
            }
            sleep(20);
        }
        stop();
        throw new IllegalStateException("ipmi_sim did not bind " + address + ":" + port + ":\n" + Files.readString(log));
    }

    public static int freeUdpPort() throws SocketException {
        try (DatagramSocket s = new DatagramSocket(0, loopback())) {
            return s.getLocalPort();
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, loopback())) {
            return s.getLocalPort();
        }
    }

    private static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = IpmiSim.class.getResourceAsStream("/ipmi/" + name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no test resource ipmi/" + name));
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
