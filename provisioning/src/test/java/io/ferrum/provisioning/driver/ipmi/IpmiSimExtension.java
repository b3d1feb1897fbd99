package io.ferrum.provisioning.driver.ipmi;

import io.ferrum.provisioning.driver.Timeouts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One {@link IpmiSim} and a driver for a test class ({@code @RegisterExtension static}): started before the first
 * test, stopped after the last, failing the class if a process it started outlives it. Without ipmi_sim or
 * ipmitool every test is skipped, and the reason is printed on stderr.
 */
final class IpmiSimExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    @FunctionalInterface
    interface Starter {
        IpmiSim start(Path dir) throws IOException;
    }

    private final Starter starter;
    private final Timeouts timeouts;
    private Optional<String> unavailable = Optional.empty();
    private Path dir;
    private IpmiSim sim;
    private IpmiDriver driver;

    IpmiSimExtension(Starter starter, Timeouts timeouts) {
        this.starter = starter;
        this.timeouts = timeouts;
    }

    IpmiSim sim() {
        return sim;
    }

    IpmiDriver driver() {
        return driver;
    }

    BmcTarget target() {
        return sim.target();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        unavailable = IpmiSim.whyUnavailable();
        if (unavailable.isPresent()) {
            System.err.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + ": " + unavailable.get());
            return;
        }
        dir = Files.createTempDirectory("ferrum-ipmi-sim");
        sim = starter.start(dir);
        driver = IpmiDriver.onPath(timeouts);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (sim != null) {
            List<ProcessHandle> alive = sim.stop().stream().filter(ProcessHandle::isAlive).toList();
            if (!alive.isEmpty()) {
                throw new AssertionError("still running after ipmi_sim was stopped: " + alive);
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
