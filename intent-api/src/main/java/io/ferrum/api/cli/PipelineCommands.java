package io.ferrum.api.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code ferrum pipeline run config --site CODE [--role R] [--dry-run] [--wait] --server URL}, and {@code status}:
 * pipeline runs on a running Ferrum (runs need its scheduler). Exit 0 when every device is done or unchanged, 2 when
 * some failed (or the run halted or was cancelled), 1 on an error.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true, description = "Start and follow provisioning runs.",
        subcommands = {PipelineCommands.Run.class, PipelineCommands.Status.class})
class PipelineCommands implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static final List<String> FINAL = List.of("done", "failed", "halted", "cancelled");

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Start a run (config, firmware or os-install) on a site's devices; --wait follows it to the end.")
    static class Run implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "KIND", description = "config (rendered configs), firmware (the desired firmware version) or "
                + "os-install (servers' OS images over network boot).")
        String kind;

        @Option(names = "--site", paramLabel = "CODE", description = "The site whose devices to run on.")
        String site;

        @Option(names = "--role", paramLabel = "ROLE", description = "Only devices of this role, e.g. leaf.")
        String role;

        @Option(names = "--rack", paramLabel = "RACK", description = "Only devices in this rack.")
        String rack;

        @Option(names = "--device", paramLabel = "HOSTNAME", description = "These devices (repeat).")
        List<String> devices = new ArrayList<>();

        @Option(names = "--dry-run", description = "Read and diff only; change nothing.")
        boolean dryRun;

        @Option(names = "--concurrency", paramLabel = "N", description = "Devices at once (default 50).")
        Integer concurrency;

        @Option(names = "--canary", paramLabel = "N", description = "Devices in the first wave, alone (default 1).")
        Integer canary;

        @Option(names = "--failure-budget", paramLabel = "SHARE",
                description = "Share of devices that may fail before the run halts (default 0).")
        Double failureBudget;

        @Option(names = "--channel", paramLabel = "CHANNEL",
                description = "shell (device shell, default) or netconf (confirmed commit).")
        String channel;

        @Option(names = "--image", paramLabel = "NAME@VERSION",
                description = "os-install: make this catalogue image the servers' desired image first.")
        String image;

        @Option(names = "--wait", description = "Follow the run to its end (progress, then a summary table).")
        boolean waitForEnd;

        @Option(names = "--server", required = true, paramLabel = "URL", description = "The Ferrum to run on.")
        String server;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("site", site);
            target.put("role", role);
            target.put("rack", rack);
            target.put("devices", devices);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("kind", kind);
            request.put("target", target);
            request.put("dryRun", dryRun);
            request.put("concurrency", concurrency);
            request.put("canary", canary);
            request.put("failureBudget", failureBudget);
            request.put("channel", channel);
            request.put("image", image);
            RemoteFerrum remote = RemoteFerrum.connect(server);
            JsonNode started = remote.postJson("/api/v1/pipeline-runs", request);
            long id = started.get("run").get("id").asLong();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Run " + id + ": " + kind + " on " + started.get("tasks").size() + " devices"
                    + (dryRun ? " (dry run)" : ""));
            out.flush();
            if (!waitForEnd) {
                return 0;
            }
            return follow(remote, id, out, "os-install".equals(kind) ? site : null);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "A run's state and its devices.")
    static class Status implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RUN", description = "Run id.")
        long id;

        @Option(names = "--server", required = true, paramLabel = "URL", description = "The Ferrum to ask.")
        String server;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode run = RemoteFerrum.connect(server).getJson("/api/v1/pipeline-runs/" + id);
            return summary(run, spec.commandLine().getOut());
        }
    }

    /** Polls the run, redrawing one progress line on a terminal, then prints the summary. */
    static int follow(RemoteFerrum remote, long id, PrintWriter out) throws InterruptedException {
        return follow(remote, id, out, null);
    }

    /** With {@code serverSite}, also prints each server's provisioning state and bytes written as they change. */
    static int follow(RemoteFerrum remote, long id, PrintWriter out, String serverSite) throws InterruptedException {
        boolean terminal = System.console() != null;
        JsonNode run;
        String last = "";
        Map<String, String> servers = new java.util.HashMap<>();
        while (true) {
            run = remote.getJson("/api/v1/pipeline-runs/" + id);
            if (serverSite != null) {
                java.util.Set<String> inRun = new java.util.HashSet<>();
                run.get("tasks").forEach(t -> inRun.add(t.get("device").asString()));
                for (JsonNode server : remote.getJson("/api/v1/servers?site=" + RemoteFerrum.query(serverSite))) {
                    String name = server.get("hostname").asString();
                    String line = serverLine(server);
                    if (inRun.contains(name) && !line.equals(servers.put(name, line))) {
                        out.println((terminal ? "\r\033[K" : "") + line);
                    }
                }
            }
            String line = progress(run);
            if (terminal) {
                out.print("\r\033[K" + line);
            } else if (!line.equals(last)) {
                out.println(line);
            }
            out.flush();
            last = line;
            if (FINAL.contains(run.get("run").get("state").asString())) {
                break;
            }
            Thread.sleep(Duration.ofMillis(500).toMillis());
        }
        if (terminal) {
            out.println();
        }
        return summary(run, out);
    }

    static String serverLine(JsonNode server) {
        long written = server.path("bytesWritten").asLong();
        String bytes = server.hasNonNull("bytesTotal") ? String.format(java.util.Locale.ROOT, "  %.1f/%.1f MB",
                written / 1e6, server.get("bytesTotal").asLong() / 1e6) : "";
        String failure = server.hasNonNull("failureReason") && server.get("state").asString().equals("deploy-failed")
                ? "  " + server.get("failureReason").asString() : "";
        return String.format("  %-24s %-14s%s%s", server.get("hostname").asString(), server.get("state").asString(),
                bytes, failure);
    }

    static String progress(JsonNode run) {
        JsonNode counts = run.get("run").get("counts");
        int total = run.get("tasks").size();
        int finished = 0;
        for (String state : List.of("done", "unchanged", "failed", "skipped", "cancelled")) {
            finished += counts.path(state).asInt();
        }
        int wave = -1;
        for (JsonNode task : run.get("tasks")) {
            if (task.get("state").asString().equals("running")) {
                wave = task.get("wave").asInt();
                break;
            }
        }
        int width = 30;
        int filled = total == 0 ? width : finished * width / total;
        return String.format("[%s%s] %d/%d  done %d  unchanged %d  failed %d%s  %s", "#".repeat(filled),
                ".".repeat(width - filled), finished, total, counts.path("done").asInt(),
                counts.path("unchanged").asInt(), counts.path("failed").asInt(),
                wave >= 0 ? "  wave " + wave : "", run.get("run").get("state").asString());
    }

    static int summary(JsonNode run, PrintWriter out) {
        out.printf("%-28s %-5s %-10s %-8s %s%n", "DEVICE", "WAVE", "STATE", "STEP", "REASON");
        for (JsonNode task : run.get("tasks")) {
            String detail = task.hasNonNull("failureDetail") ? task.get("failureDetail").asString() : "";
            String reason = task.hasNonNull("failureReason") ? task.get("failureReason").asString() + ": " + detail
                    : detail;
            out.printf("%-28s %-5d %-10s %-8s %s%n", task.get("device").asString(), task.get("wave").asInt(),
                    task.get("state").asString(), task.hasNonNull("step") ? task.get("step").asString() : "",
                    io.ferrum.api.web.Echoes.shortened(reason));
        }
        String state = run.get("run").get("state").asString();
        out.println("Run " + run.get("run").get("id").asLong() + " " + state
                + (run.get("run").hasNonNull("haltReason") ? ": " + run.get("run").get("haltReason").asString() : ""));
        out.flush();
        if (state.equals("done")) {
            return 0;
        }
        return FINAL.contains(state) ? 2 : 0;
    }
}
