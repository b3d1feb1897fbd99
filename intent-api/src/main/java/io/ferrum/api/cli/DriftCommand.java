package io.ferrum.api.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ferrum drift [--site CODE] [--device HOST] [--state S] [--watch]}: drift events as a table; with
 * {@code --watch}, then every move of an event as it happens (the server's Server-Sent Events), one line each.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Drift events (what differs from intent); --watch follows them live.")
class DriftCommand implements Callable<Integer> {

    /** Built on first use: picocli creates every command for every call, and Jackson's start-up is 0.3 s of it. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    @Option(names = "--site", paramLabel = "CODE") String site;
    @Option(names = "--device", paramLabel = "HOSTNAME") String device;
    @Option(names = "--type", paramLabel = "TYPE", description = "e.g. cabling-miswired, config, port-state.")
    String type;
    @Option(names = "--state", paramLabel = "STATE", description = "open, acknowledged, accepted, reopened, resolved.")
    String state;
    @Option(names = "--watch", description = "After the table, print every change as it happens (Ctrl-C ends).")
    boolean watch;
    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://localhost:8080") String server;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RemoteFerrum remote = RemoteFerrum.connect(server);
        List<String> query = new ArrayList<>();
        add(query, "site", site);
        add(query, "device", device);
        add(query, "type", type);
        add(query, "state", state);
        JsonNode events = remote.getJson("/api/v1/drift-events" + (query.isEmpty() ? "" : "?" + String.join("&",
                query)));
        out.printf("%-8s %-12s %-24s %-18s %-16s %-9s %s%n", "ID", "STATE", "DEVICE", "TYPE", "OBJECT", "SEVERITY",
                "EXPECTED -> OBSERVED");
        for (JsonNode e : events) {
            print(out, e);
        }
        out.flush();
        if (!watch) {
            return 0;
        }
        out.println("-- following drift events (Ctrl-C ends) --");
        out.flush();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(remote.stream(
                "/api/v1/drift-events/stream"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    JsonNode e = Json.MAPPER.readTree(line.substring(5).trim());
                    if (matches(e)) {
                        print(out, e);
                        out.flush();
                    }
                }
            }
        }
        return 0;
    }

    private boolean matches(JsonNode e) {
        return (site == null || site.equals(e.path("site").asString()))
                && (device == null || device.equals(e.path("device").asString()))
                && (type == null || type.equals(e.path("type").asString()))
                && (state == null || state.equals(e.path("state").asString()));
    }

    private static void print(PrintWriter out, JsonNode e) {
        out.printf("%-8s %-12s %-24s %-18s %-16s %-9s %s -> %s%n", e.path("id").asString(),
                e.path("state").asString(), e.path("device").asString(), e.path("type").asString(),
                e.path("object").asString(), e.path("severity").asString(), e.path("expected").asString(),
                e.path("observed").asString());
    }

    private static void add(List<String> query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + RemoteFerrum.query(value));
        }
    }
}
