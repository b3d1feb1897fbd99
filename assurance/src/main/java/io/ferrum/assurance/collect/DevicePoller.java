package io.ferrum.assurance.collect;

/**
 * Polls one device. Implementations bound every call with a timeout and never throw for a device's failure: a
 * failed part is a {@link PollProblem} in the outcome.
 */
public interface DevicePoller {

    PollOutcome poll(PollTarget target);
}
