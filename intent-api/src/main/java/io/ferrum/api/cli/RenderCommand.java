package io.ferrum.api.cli;

import io.ferrum.api.render.DeviceConfigs;
import io.ferrum.standards.render.RenderTarget;
import io.ferrum.standards.render.RenderedConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferrum render DEVICE [--target shell|netconf]}: the config a pipeline would push, rendered from intent. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print a device's config rendered from intent with its site standard's templates.")
class RenderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DEVICE", description = "Device hostname, e.g. lab1-r01-leaf01.")
    String device;

    @Option(names = "--target", defaultValue = "shell", paramLabel = "TARGET",
            description = "shell (device shell text config, default) or netconf (YANG XML).")
    String target;

    @Option(names = "--server", paramLabel = "URL", description = "Render on a running Ferrum.")
    String server;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RenderTarget renderTarget;
        try {
            renderTarget = RenderTarget.of(target);
        } catch (IllegalArgumentException e) {
            throw new CliException("--target: " + e.getMessage());
        }
        String text;
        java.util.Optional<RemoteFerrum> chosen = RemoteFerrum.chosen(server, spec.commandLine().getErr());
        if (chosen.isPresent()) {
            RemoteFerrum remote = chosen.get();
            var found = remote.getJson("/api/v1/devices?hostname=" + RemoteFerrum.query(device));
            if (found.get("items").isEmpty()) {
                throw new CliException("no device named '" + device + "'");
            }
            long id = found.get("items").get(0).get("id").asLong();
            text = new String(remote.get("/api/v1/devices/" + id + "/config?target=" + renderTarget.wire()),
                    java.nio.charset.StandardCharsets.UTF_8);
        } else {
            try (var context = FerrumCommand.offline()) {
                RenderedConfig config = context.getBean(DeviceConfigs.class).render(device, renderTarget);
                text = config.text();
            }
        }
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
