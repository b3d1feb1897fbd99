package io.ferrum.api.pipelines;

import io.ferrum.provisioning.pipeline.RunView;

/** A pipeline run reached its final state (published after it is stored, on the node that ran it). */
public record PipelineRunFinished(RunView run) {
}
