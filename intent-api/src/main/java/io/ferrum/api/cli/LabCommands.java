package io.ferrum.api.cli;

import io.ferrum.api.exports.SiteExports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferrum lab export|up|down|status}: the device lab built from a site's own exports. {@code up} writes the
 * cable schedule, device inventory and exchange hand-offs of the site, then runs {@code deploy/lab/lab up --from}
 * on them, so the lab is exactly what intent says: each device with its intended hostname, serial and address.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Build the device lab (network namespaces) from a site's exports; needs root for up/down.",
        subcommands = {LabCommands.Export.class, LabCommands.Up.class, LabCommands.Down.class,
            LabCommands.Status.class})
class LabCommands implements Callable<Integer> {

    /** The exports the lab reads, by the file name {@code lab up --from DIR} expects. */
    static final Map<String, String> FILES = files();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cable-schedule.csv", "cable-schedule-csv");
        files.put("device-inventory.csv", "device-inventory-csv");
        files.put("exchange-handoffs.csv", "exchange-handoffs-csv");
        files.put("baremetal.csv", "baremetal-csv");
        files.put("dhcp-dnsmasq.conf", "dhcp-dnsmasq");
        return files;
    }

    /** Where the site's lab files go and where they come from. */
    static class Source {
        @Option(names = "--site", required = true, paramLabel = "CODE", description = "Site code, e.g. lab1.")
        String site;

        @Option(names = "--dir", paramLabel = "DIR",
                description = "Where to write the exports (default: FERRUM_HOME/lab/CODE).")
        Path dir;

        @Option(names = "--server", paramLabel = "URL", description = "Export from a running Ferrum.")
        String server;

        @Option(names = "--boot-url", paramLabel = "URL", description = "Where the lab's servers reach Ferrum when "
                + "they network-boot (e.g. http://198.18.16.1:8080, the provisioning gateway the lab host holds); "
                + "without it the DHCP file has no network boot and the lab builds no servers.")
        String bootUrl;

        Path write(java.io.PrintWriter out, java.io.PrintWriter err) throws IOException {
            Path target = dir != null ? dir : home().resolve("lab").resolve(site);
            Files.createDirectories(target);
            Map<String, byte[]> bodies = new LinkedHashMap<>();
            java.util.Optional<RemoteFerrum> chosen = RemoteFerrum.chosen(server, err);
            if (chosen.isPresent()) {
                RemoteFerrum remote = chosen.get();
                for (Map.Entry<String, String> file : FILES.entrySet()) {
                    bodies.put(file.getKey(), remote.get("/api/v1/sites/" + RemoteFerrum.query(site) + "/exports/"
                            + RemoteFerrum.query(file.getValue()) + (bootUrl == null ? ""
                            : "?boot-url=" + RemoteFerrum.query(bootUrl))));
                }
            } else {
                try (var context = FerrumCommand.offline()) {
                    SiteExports exports = context.getBean(SiteExports.class);
                    for (Map.Entry<String, String> file : FILES.entrySet()) {
                        bodies.put(file.getKey(), exports.render(site, file.getValue(), bootUrl == null ? Map.of()
                                : Map.of("boot-url", bootUrl)).body());
                    }
                }
            }
            for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
                Files.write(target.resolve(body.getKey()), body.getValue());
            }
            out.println("Wrote the lab files of site " + site + " to " + target + ": "
                    + String.join(", ", bodies.keySet()));
            out.flush();
            return target;
        }
    }

    /** FERRUM_HOME as the application resolves it (application.yml), without starting Spring for remote exports. */
    static Path home() {
        String home = System.getenv("FERRUM_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".ferrum");
    }

    /** The lab script: FERRUM_LAB_SCRIPT (the launcher sets it), else deploy/lab/lab above the working directory. */
    static Path script() {
        String configured = System.getenv("FERRUM_LAB_SCRIPT");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/lab/lab");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new CliException("the lab script deploy/lab/lab was not found; run from the Ferrum checkout or set "
                + "FERRUM_LAB_SCRIPT");
    }

    /** Runs the lab script with the terminal's streams; its exit code is the command's. */
    static int runScript(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor();
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the site's cable schedule, device inventory and exchange hand-offs for the lab.")
    static class Export implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Source source;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            source.write(spec.commandLine().getOut(), spec.commandLine().getErr());
            return 0;
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Export the site's lab files and build the lab from them (root; see docs/lab.md).")
    static class Up implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        Source source;

        @Option(names = "--frr", description = "Also run FRR with eBGP unnumbered on every cable.")
        boolean frr;

        @Option(names = "--no-install", description = "Do not install missing Debian packages.")
        boolean noInstall;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            Path dir = source.write(spec.commandLine().getOut(), spec.commandLine().getErr());
            List<String> args = new ArrayList<>(List.of("up", "--from", dir.toString()));
            if (frr) {
                args.add("--frr");
            }
            if (noInstall) {
                args.add("--no-install");
            }
            return runScript(args);
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the lab and remove it.")
    static class Down implements Callable<Integer> {
        @Override
        public Integer call() throws IOException, InterruptedException {
            return runScript(List.of("down"));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The lab's devices, addresses, daemons and wiring.")
    static class Status implements Callable<Integer> {
        @Override
        public Integer call() throws IOException, InterruptedException {
            return runScript(List.of("status"));
        }
    }
}
