package io.ferrum.api.bench;

import io.ferrum.FerrumApplication;
import io.ferrum.api.render.DeviceConfigs;
import io.ferrum.standards.plan.PlanOptions;
import io.ferrum.standards.plan.SitePlanning;
import io.ferrum.standards.render.RenderTarget;
import io.ferrum.standards.render.RenderedConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Renders every device's config of the 40 racks × 40 servers example (both targets) from the database, as a
 * pipeline run's check step does, and reports the median over several runs.
 *
 * <p>Run (argument: runs): {@code ./bench intent-api io.ferrum.api.bench.RenderConfigsBenchmark 5}
 */
public final class RenderConfigsBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var context = new SpringApplicationBuilder(FerrumApplication.class).web(WebApplicationType.NONE)
                .run("--ferrum.db.ephemeral=true", "--ferrum.pipelines.enabled=false",
                        "--ferrum.assurance.collector.enabled=false", "--logging.level.root=warn");
        String definition = Files.readString(Path.of("..", "examples", "large-site.yaml"));
        SitePlanning planning = context.getBean(SitePlanning.class);
        var plan = planning.plan("large-site.yaml", definition, PlanOptions.defaults());
        planning.apply("large-site.yaml", definition, PlanOptions.defaults(), plan.id());
        DeviceConfigs configs = context.getBean(DeviceConfigs.class);
        configs.renderSite("fra2", RenderTarget.SHELL); // warm-up: JIT, template parsing
        for (RenderTarget target : RenderTarget.values()) {
            double[] seconds = new double[runs];
            int devices = 0;
            long bytes = 0;
            for (int run = 0; run < runs; run++) {
                long started = System.nanoTime();
                List<RenderedConfig> rendered = configs.renderSite("fra2", target);
                seconds[run] = (System.nanoTime() - started) / 1e9;
                devices = rendered.size();
                bytes = rendered.stream().mapToLong(c -> c.text().length()).sum();
            }
            Arrays.sort(seconds);
            System.out.printf("%s: %d devices, %.1f MB of config, median %.2f s (min %.2f, max %.2f) over %d runs%n",
                    target.wire(), devices, bytes / 1e6, seconds[runs / 2], seconds[0], seconds[runs - 1], runs);
        }
        context.close();
        System.exit(0);
    }
}
