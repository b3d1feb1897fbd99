package io.ferrum.provisioning.pipeline;

/**
 * How a run goes: {@code dryRun} only reads and diffs; {@code concurrency} caps devices worked on at once in this
 * run; {@code canary} devices go first, alone, as wave 0; {@code failureBudget} is the share of finished devices
 * that may fail before the run halts (0 halts at the first failure).
 */
public record RunOptions(boolean dryRun, int concurrency, int canary, double failureBudget) {

    public static final RunOptions DEFAULTS = new RunOptions(false, 10, 1, 0.0);

    public RunOptions {
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
