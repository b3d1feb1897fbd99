package io.ferrum.provisioning.driver.ipmi;

import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one ipmitool command against one BMC: lanplus, the password in the environment ({@code -E}), ipmitool's own
 * retries sized by {@link SessionRetries}, and a wall-clock deadline after which the process is killed.
 */
final class Ipmitool {

    /** Reads stdout and stderr while the process runs, so a long sensor list cannot fill a pipe and stall it. */
    private static final ExecutorService STREAMS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ferrum-ipmitool-output");
        t.setDaemon(true);
        return t;
    });

    private final Path executable;
    private final SessionRetries retries;

    Ipmitool(Path executable, SessionRetries retries) {
        this.executable = executable;
        this.retries = retries;
    }

    /** The first executable {@code name} on PATH. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The command line; the password is not on it (ps would show it to every user of the host). */
    List<String> command(BmcTarget target, List<String> args) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-I", "lanplus", "-H", target.host(),
                "-p", Integer.toString(target.port()), "-U", target.user(), "-E",
                "-N", Integer.toString(retries.timeoutSeconds()), "-R", Integer.toString(retries.tries())));
        target.cipherSuite().ifPresent(suite -> command.addAll(List.of("-C", Integer.toString(suite))));
        // -v: without it ipmitool prints the same line for a wrong password as for a dead BMC
        command.add("-v");
        command.addAll(args);
        return command;
    }

    static void environment(Map<String, String> env, BmcTarget target) {
        env.put("IPMI_PASSWORD", target.password());
        env.remove("IPMITOOL_PASSWORD");   // -E prefers it over IPMI_PASSWORD
        env.put("LC_ALL", "C");
    }

    /**
     * Runs {@code args} and parses what it printed. Exit 0 with output the parser does not accept is the BMC's refusal
     * when ipmitool printed one (see {@link IpmitoolFailures#refusal}), otherwise {@code PROTOCOL_ERROR}.
     */
    <T> T run(BmcTarget target, String action, Duration deadline, IpmitoolOutput.Parser<T> parser, String... args) {
        Result result = execute(target, action, deadline, List.of(args));
        if (result.exitCode() != 0) {
            throw IpmitoolFailures.classify(target.device(), action, result.exitCode(), result.stderr());
        }
        try {
            return parser.parse(result.stdout());
        } catch (IpmitoolOutput.UnexpectedOutput e) {
            throw IpmitoolFailures.refusal(target.device(), action, result.stderr()).orElseGet(() ->
                    new DriverException(FailureReason.PROTOCOL_ERROR, target.device(), action + ": " + e.getMessage()));
        }
    }

    private Result execute(BmcTarget target, String action, Duration deadline, List<String> args) {
        ProcessBuilder builder = new ProcessBuilder(command(target, args));
        environment(builder.environment(), target);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + executable + " (Debian package ipmitool)", e);
        }
        try {
            process.getOutputStream().close();
            Future<String> stdout = STREAMS.submit(() -> text(process.getInputStream()));
            Future<String> stderr = STREAMS.submit(() -> text(process.getErrorStream()));
            if (!process.waitFor(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
                kill(process);
                throw new DriverException(FailureReason.TIMEOUT, target.device(),
                        action + ": ipmitool did not finish within " + deadline + " and was killed");
            }
            return new Result(process.exitValue(), stdout.get(5, TimeUnit.SECONDS), stderr.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new DriverException(FailureReason.CLOSED, target.device(), action + ": interrupted", e);
        } catch (IOException | ExecutionException | TimeoutException e) {
            kill(process);
            throw new DriverException(FailureReason.PROTOCOL_ERROR, target.device(),
                    action + ": cannot read ipmitool's output: " + e, e);
        }
    }

    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    record Result(int exitCode, String stdout, String stderr) {
    }
}
