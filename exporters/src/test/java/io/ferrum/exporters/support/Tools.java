package io.ferrum.exporters.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the real service tools (named-checkzone, dnsmasq, kea-dhcp4, pdftoppm); skips loudly when absent. */
public final class Tools {

    private Tools() {
    }

    public record Result(int exitCode, String output) {
    }

    /** Skips the calling test, printing why, unless the tool is installed (see .ci/apt/exporters.txt). */
    public static String require(String tool, String debianPackage) {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin", "/usr/local/bin", "/usr/local/sbin")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        String reason = "SKIPPED: " + tool + " is not installed (apt-get install " + debianPackage
                + ", listed in .ci/apt/exporters.txt)";
        System.out.println(reason);
        Assumptions.assumeTrue(false, reason);
        return null;
    }

    public static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
