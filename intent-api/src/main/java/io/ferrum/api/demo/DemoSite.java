package io.ferrum.api.demo;

import io.ferrum.model.changelog.ChangeContext;
import io.ferrum.standards.plan.Plan;
import io.ferrum.standards.plan.PlanOptions;
import io.ferrum.standards.plan.SitePlanning;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo site: the small example definition ({@code examples/small-site.yaml}, shipped in the jar) planned and
 * applied through its standard, exactly as a user would with {@code ferrum apply}. Applying is idempotent, so a
 * restart changes nothing.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "ferrum.demo.enabled", havingValue = "true")
class DemoSite implements ApplicationRunner {

    static final String DEFINITION = "examples/small-site.yaml";
    private static final Logger log = LoggerFactory.getLogger(DemoSite.class);

    private final SitePlanning planning;

    DemoSite(SitePlanning planning) {
        this.planning = planning;
    }

    @Override
    public void run(ApplicationArguments args) {
        String definition = read();
        try (var actor = ChangeContext.open("demo", "demo-seed")) {
            Plan plan = planning.apply(DEFINITION, definition, PlanOptions.defaults(), null);
            log.info("Demo site {}: {} changes applied from {}", plan.site(), plan.changes().size(), DEFINITION);
            System.out.println("Demo site '" + plan.site() + "' is ready (" + DEFINITION + ", standard " + plan.standard()
                    + "): GET /api/v1/sites?code=" + plan.site());
        }
    }

    private static String read() {
        try (InputStream in = DemoSite.class.getClassLoader().getResourceAsStream(DEFINITION)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITION + " is missing from the application jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
