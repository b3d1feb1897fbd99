package io.ferrum.provisioning.pipeline;

/** A run request that cannot be accepted, naming the field and what was expected. */
public class PipelineException extends IllegalArgumentException {

    private final String field;

    public PipelineException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
