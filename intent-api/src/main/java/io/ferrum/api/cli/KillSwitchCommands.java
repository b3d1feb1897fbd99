package io.ferrum.api.cli;

import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.snmp.SnmpCredentials;
import io.ferrum.provisioning.driver.snmp.SnmpDriver;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.killswitch.Engagement;
import io.ferrum.provisioning.killswitch.KillJournal;
import io.ferrum.provisioning.killswitch.KillPlan;
import io.ferrum.provisioning.killswitch.KillPlanFile;
import io.ferrum.provisioning.killswitch.KillScope;
import io.ferrum.provisioning.killswitch.KillSwitch;
import io.ferrum.provisioning.killswitch.LinkReader;
import io.ferrum.provisioning.killswitch.LinkResult;
import io.ferrum.provisioning.killswitch.LinkState;
import io.ferrum.provisioning.killswitch.PortChannel;
import io.ferrum.provisioning.killswitch.ShellPortChannel;
import io.ferrum.provisioning.killswitch.SnmpLinkReader;
import io.ferrum.provisioning.killswitch.SnmpPortChannel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code ferrum kill-switch engage|status|release|approve}: the exchange kill switch from a terminal. Engage talks to
 * the server; when the server cannot be reached it falls back to <b>break-glass</b>: it engages directly from this
 * node's kill plan (FERRUM_HOME/kill-switch), logging in to the devices itself, writes the node's journal (copied
 * into PostgreSQL when the server runs again) and says so. Exit codes: 0 every link down-verified, 2 some link
 * failed or unverified, 1 error.
 */
@Command(name = "kill-switch", mixinStandardHelpOptions = true,
        description = "Take exchange-facing links down (engage), see them (status), bring them back (release, approve).",
        subcommands = {KillSwitchCommands.Engage.class, KillSwitchCommands.Status.class,
            KillSwitchCommands.Release.class, KillSwitchCommands.Approve.class, KillSwitchCommands.Drill.class})
class KillSwitchCommands implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Exactly one scope. */
    static class Scope {
        @Option(names = "--exchange", paramLabel = "CODE", description = "Every link to this exchange, e.g. XAMS.")
        String exchange;
        @Option(names = "--group", paramLabel = "GROUP", description = "Every link of this kill-switch group.")
        String group;
        @Option(names = "--site", paramLabel = "CODE", description = "Every exchange-facing link of this site.")
        String site;
        @Option(names = "--all", description = "Every exchange-facing link everywhere.")
        boolean all;

        KillScope scope() {
            if (exchange != null) {
                return new KillScope(KillScope.Kind.EXCHANGE, exchange);
            }
            if (group != null) {
                return new KillScope(KillScope.Kind.GROUP, group);
            }
            if (site != null) {
                return new KillScope(KillScope.Kind.SITE, site);
            }
            return KillScope.all();
        }
    }

    @Command(name = "engage", mixinStandardHelpOptions = true,
            description = "Engage: every link in scope down, in parallel, verified. Falls back to break-glass when "
                    + "the server is unreachable.")
    static class Engage implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Scope scope;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (goes into the audit).")
        String reason;

        @Option(names = "--server", paramLabel = "URL", defaultValue = "http://localhost:8080",
                description = "The Ferrum to engage through (default ${DEFAULT-VALUE}).")
        String server;

        @Option(names = "--ssh-key", paramLabel = "FILE", description = "Break-glass: the devices' SSH key "
                + "(default: FERRUM_KILL_SSH_KEY).")
        Path sshKey;

        @Option(names = "--ssh-user", paramLabel = "USER", defaultValue = "root",
                description = "Break-glass: the devices' SSH user (default ${DEFAULT-VALUE}).")
        String sshUser;

        @Option(names = "--snmp-community", paramLabel = "COMMUNITY", defaultValue = "public",
                description = "Break-glass: read community for verifying links (default ${DEFAULT-VALUE}).")
        String snmpCommunity;

        @Option(names = "--snmp-write-community", paramLabel = "COMMUNITY",
                description = "Break-glass: write community for the second channel (SNMP SET ifAdminStatus).")
        String snmpWriteCommunity;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            KillScope killScope = scope.scope();
            Map<String, Object> scopeBody = new LinkedHashMap<>();
            scopeBody.put("kind", killScope.kind().wire());
            scopeBody.put("value", killScope.value());
            JsonNode engaged;
            try {
                RemoteFerrum remote = RemoteFerrum.connect(server);
                engaged = remote.postJson("/api/v1/kill-switch/engage", Map.of("scope", scopeBody, "reason",
                        reason));
            } catch (CliException e) {
                if (!e.getMessage().startsWith("cannot reach")) {
                    throw e;
                }
                out.println("BREAK-GLASS: " + e.getMessage() + "; engaging " + killScope.text()
                        + " directly from this node's kill plan");
                out.flush();
                return breakGlass(killScope, out);
            }
            out.println("Kill switch " + engaged.get("state").asString() + ": " + killScope.text() + " — "
                    + counts(engaged.get("counts")));
            boolean clean = true;
            for (JsonNode link : engaged.get("links")) {
                if (!link.get("state").asString().equals("down-verified")) {
                    clean = false;
                    out.println("  " + link.get("device").asString() + " " + link.get("port").asString() + " "
                            + link.get("circuitId").asString() + ": " + link.get("state").asString() + " "
                            + link.path("reason").asString(""));
                }
            }
            return clean ? 0 : 2;
        }

        private int breakGlass(KillScope killScope, PrintWriter out) {
            Path directory = LabCommands.home().resolve("kill-switch");
            KillPlanFile file = new KillPlanFile(directory);
            KillPlan plan = file.read().orElseThrow(() -> new CliException("no kill plan at " + file.path()
                    + ": this node's server has never computed one"));
            out.println("kill plan: " + plan.links().size() + " links, intent revision " + plan.revision()
                    + ", computed " + plan.computedAt());
            Path key = sshKey != null ? sshKey : Optional.ofNullable(System.getenv("FERRUM_KILL_SSH_KEY"))
                    .map(Path::of).orElse(null);
            Timeouts timeouts = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
            SnmpDriver snmp = new SnmpDriver(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(500),
                    Duration.ofSeconds(3)), 1);
            List<PortChannel> channels = new ArrayList<>();
            List<LinkReader> readers = new ArrayList<>();
            if (key != null) {
                ShellPortChannel shell = new ShellPortChannel(new SshDriver(timeouts, HostKeyPins.inMemory()),
                        new SshCredentials.PrivateKey(sshUser, key, null), timeouts.command());
                channels.add(shell);
                readers.add(shell);
            }
            if (snmpWriteCommunity != null) {
                channels.add(new SnmpPortChannel(snmp, new SnmpCredentials.Community(snmpWriteCommunity)));
            }
            if (channels.isEmpty()) {
                throw new CliException("break-glass needs a way to the devices: --ssh-key (or FERRUM_KILL_SSH_KEY) "
                        + "and/or --snmp-write-community");
            }
            readers.add(new SnmpLinkReader(snmp, new SnmpCredentials.Community(snmpCommunity)));
            String actor = "break-glass:" + System.getProperty("user.name", "unknown");
            try (KillSwitch killSwitch = new KillSwitch(() -> Optional.of(plan), channels, readers,
                    new KillJournal(directory), KillSwitch.Settings.DEFAULTS, e -> { }, KillSwitchCommandsNode.name())) {
                Engagement engaged = killSwitch.engage(killScope, reason, actor, true);
                out.println("Kill switch engaged (break-glass): " + killScope.text() + " — " + engaged.counts());
                boolean clean = true;
                for (LinkResult link : engaged.links()) {
                    if (link.state() != LinkState.DOWN_VERIFIED) {
                        clean = false;
                        out.println("  " + link.device() + " " + link.port() + " " + link.circuitId() + ": "
                                + link.state().wire() + " " + (link.reason() == null ? "" : link.reason()));
                    }
                }
                out.println("The journal is at " + directory.resolve("journal.jsonl")
                        + "; the server copies it into PostgreSQL when it runs again. Release through the server.");
                return clean ? 0 : 2;
            }
        }
    }

    /** The node's name for the journal. */
    static final class KillSwitchCommandsNode {
        private KillSwitchCommandsNode() {
        }

        static String name() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "cli";
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "What is engaged, and every link.")
    static class Status implements Callable<Integer> {
        @Option(names = "--server", paramLabel = "URL", defaultValue = "http://localhost:8080",
                description = "The Ferrum to ask (default ${DEFAULT-VALUE}).")
        String server;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            JsonNode status = RemoteFerrum.connect(server).getJson("/api/v1/kill-switch");
            out.println("Kill switch: " + status.get("state").asString()
                    + (status.hasNonNull("actor") ? " by " + status.get("actor").asString() : "")
                    + (status.hasNonNull("reason") ? " (" + status.get("reason").asString() + ")" : ""));
            if (status.has("scopes") && !status.get("scopes").isEmpty()) {
                List<String> scopes = new ArrayList<>();
                status.get("scopes").forEach(s -> scopes.add(s.asString()));
                out.println("Scopes: " + String.join(", ", scopes));
            }
            out.println("Links: " + counts(status.get("counts")));
            for (JsonNode link : status.get("links")) {
                out.printf("  %-20s %-16s %-14s %-16s %s%n", link.get("device").asString(),
                        link.get("port").asString(), link.get("circuitId").asString(), link.get("state").asString(),
                        link.path("reason").asString(""));
            }
            return 0;
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Request a release; a different operator (or an admin) approves it.")
    static class Release implements Callable<Integer> {
        @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason;
        @Option(names = "--server", paramLabel = "URL", defaultValue = "http://localhost:8080") String server;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode request = RemoteFerrum.connect(server).postJson("/api/v1/kill-switch/release-requests",
                    Map.of("reason", reason));
            spec.commandLine().getOut().println("Release request " + request.get("id").asLong() + " by "
                    + request.get("requestedBy").asString() + ": another operator approves it with `ferrum "
                    + "kill-switch approve " + request.get("id").asLong() + "`");
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a release request: the links come back up in stages, verified.")
    static class Approve implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID") long id;
        @Option(names = "--server", paramLabel = "URL", defaultValue = "http://localhost:8080") String server;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode released = RemoteFerrum.connect(server).postJson("/api/v1/kill-switch/release-requests/" + id
                    + "/approve", null);
            spec.commandLine().getOut().println("Kill switch " + released.get("state").asString() + ": "
                    + counts(released.get("counts")));
            return released.get("counts").path("up-verified").asInt() == released.get("links").size() ? 0 : 2;
        }
    }

    @Command(name = "drill", mixinStandardHelpOptions = true,
            description = "Engage and release a designated scope and write the drill report (JSON and PDF).")
    static class Drill implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Scope scope;
        @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason;
        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
                description = "Where to write kill-switch-drill-ID.json and .pdf (default: here).")
        Path out;
        @Option(names = "--server", paramLabel = "URL", defaultValue = "http://localhost:8080") String server;
        @Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws java.io.IOException {
            KillScope killScope = scope.scope();
            Map<String, Object> scopeBody = new LinkedHashMap<>();
            scopeBody.put("kind", killScope.kind().wire());
            scopeBody.put("value", killScope.value());
            RemoteFerrum remote = RemoteFerrum.connect(server);
            JsonNode report = remote.postJson("/api/v1/kill-switch/drills", Map.of("scope", scopeBody, "reason",
                    reason));
            String id = report.get("id").asString();
            java.nio.file.Files.createDirectories(out);
            Path json = out.resolve("kill-switch-drill-" + id + ".json");
            Path pdf = out.resolve("kill-switch-drill-" + id + ".pdf");
            java.nio.file.Files.writeString(json, report.toPrettyString());
            java.nio.file.Files.write(pdf, remote.get("/api/v1/kill-switch/drills/" + id + "/report.pdf"));
            PrintWriter print = spec.commandLine().getOut();
            print.println("Drill " + id + " on " + killScope.text() + ": " + (report.get("passed").asBoolean()
                    ? "PASSED" : "FAILED") + " — " + report.get("links").asInt() + " links, all down after "
                    + report.path("allDownMillis").asString("never") + " ms, " + report.get("failures").asInt()
                    + " failures");
            print.println("Report: " + json + ", " + pdf);
            return report.get("passed").asBoolean() ? 0 : 2;
        }
    }

    private static String counts(JsonNode counts) {
        List<String> parts = new ArrayList<>();
        counts.properties().forEach(e -> {
            if (e.getValue().asInt() > 0) {
                parts.add(e.getValue().asInt() + " " + e.getKey());
            }
        });
        return parts.isEmpty() ? "no links" : String.join(", ", parts);
    }
}
