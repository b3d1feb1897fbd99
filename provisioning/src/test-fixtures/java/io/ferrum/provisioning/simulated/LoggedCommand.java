package io.ferrum.provisioning.simulated;

import java.time.Instant;

/** One line of a simulated switch's command log, as the lab shell's {@code log/commands.log} keeps it. */
public record LoggedCommand(Instant at, String command) {
}
