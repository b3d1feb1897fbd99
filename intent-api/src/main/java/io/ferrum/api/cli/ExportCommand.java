package io.ferrum.api.cli;

import io.ferrum.api.exports.SiteExports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferrum export KIND --site CODE -o FILE}: a build sheet or inventory file of one site. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a site's export (build pack, cable schedule, labels, DNS zone, DHCP, ...) to a file.")
class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", description = "e.g. build-pack-pdf, cable-schedule-csv, dns-zone.")
    String kind;

    @Option(names = "--site", required = true, paramLabel = "CODE", description = "Site code, e.g. ams1.")
    String site;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write it.")
    Path output;

    @Option(names = "--option", paramLabel = "NAME=VALUE",
            description = "Export option, e.g. page-size=letter, rack=ams1-r01, dns-domain=ams1.example.net.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--server", paramLabel = "URL", description = "Export from a running Ferrum.")
    String server;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        byte[] body;
        java.util.Optional<RemoteFerrum> remote = RemoteFerrum.chosen(server, spec.commandLine().getErr());
        if (remote.isPresent()) {
            String query = options.entrySet().stream().map(e -> RemoteFerrum.query(e.getKey()) + "="
                    + RemoteFerrum.query(e.getValue())).collect(Collectors.joining("&"));
            body = remote.get().get("/api/v1/sites/" + RemoteFerrum.query(site) + "/exports/"
                    + RemoteFerrum.query(kind) + (query.isEmpty() ? "" : "?" + query));
        } else {
            try (var context = FerrumCommand.offline()) {
                body = context.getBean(SiteExports.class).render(site, kind, options).body();
            }
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(output, body);
        spec.commandLine().getOut().println("Wrote " + kind + " of site " + site + " to " + output + " (" + body.length
                + " bytes)");
        return 0;
    }
}
