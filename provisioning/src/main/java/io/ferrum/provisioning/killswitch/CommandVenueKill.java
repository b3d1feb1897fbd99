package io.ferrum.provisioning.killswitch;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command for a venue's kill (a vendor tool, a FIX session script): the exchange, engagement, reason and actor
 * in its environment ({@code FERRUM_KILL_EXCHANGE} …); exit 0 is success; killed after the timeout.
 */
public final class CommandVenueKill implements VenueKill {

    private final List<String> command;
    private final Duration timeout;

    public CommandVenueKill(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    @Override
    public String describe() {
        return "command " + String.join(" ", command);
    }

    @Override
    public void kill(String exchange, String engagement, String reason, String actor) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("FERRUM_KILL_EXCHANGE", exchange);
        builder.environment().put("FERRUM_KILL_ENGAGEMENT", engagement);
        builder.environment().put("FERRUM_KILL_REASON", reason);
        builder.environment().put("FERRUM_KILL_ACTOR", actor);
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(describe() + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(describe() + " exited " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(describe() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(describe() + ": interrupted", e);
        }
    }
}
