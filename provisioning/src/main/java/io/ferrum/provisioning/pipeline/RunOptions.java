package io.ferrum.provisioning.pipeline;

/**
 * How a run goes: {@code dryRun} only reads and diffs; {@code concurrency} caps devices worked on at once in this
 * run; {@code canary} devices go first, alone, as wave 0; {@code failureBudget} is the share of finished devices
 * that may fail before the run halts (0 halts at the first failure); {@code channel} is how configs reach the
 * devices: {@code shell} (SSH device shell, configure replace) or {@code netconf} (confirmed commit).
 */
public record RunOptions(boolean dryRun, int concurrency, int canary, double failureBudget, String channel) {

    /**
     * Waves of 50, a node's whole device budget ({@link PipelineEngine.Limits#DEFAULTS}): at 10, a 1,000-device site
     * is 101 waves run one after another, and even a run that changes nothing took 17 s (BENCHMARKS.md). The canary
     * still goes alone first, the failure budget is checked after every wave, and pairs never share one.
     */
    public static final RunOptions DEFAULTS = new RunOptions(false, 50, 1, 0.0);

    public RunOptions(boolean dryRun, int concurrency, int canary, double failureBudget) {
        this(dryRun, concurrency, canary, failureBudget, "shell");
    }

    public RunOptions {
        channel = channel == null ? "shell" : channel;
        if (!channel.equals("shell") && !channel.equals("netconf")) {
            throw new PipelineException("channel", "'" + channel + "' is not a channel; expected shell or netconf");
        }
        if (concurrency < 1 || concurrency > 1000) {
            throw new PipelineException("concurrency", "expected 1 to 1000, found " + concurrency);
        }
        if (canary < 0 || canary > 1000) {
            throw new PipelineException("canary", "expected 0 to 1000, found " + canary);
        }
        if (!(failureBudget >= 0 && failureBudget <= 1)) {
            throw new PipelineException("failureBudget", "expected a share from 0 to 1, found " + failureBudget);
        }
    }
}
