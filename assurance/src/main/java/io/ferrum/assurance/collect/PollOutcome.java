package io.ferrum.assurance.collect;

import io.ferrum.assurance.observe.DeviceObservation;
import java.time.Duration;
import java.util.List;

/**
 * What one poll gave: the observation (parts that failed are null in it), the parts that failed and why, and how
 * long it took. When every part failed the observation is an unreachable one carrying the first failure's reason.
 */
public record PollOutcome(DeviceObservation observation, List<PollProblem> problems, Duration took) {

    public PollOutcome {
        problems = List.copyOf(problems);
    }

    public boolean failed(String part) {
        return problems.stream().anyMatch(p -> p.part().equals(part));
    }
}
