package io.ferrum.model.common;

/**
 * Runs the checks of a bulk request item by item and names the failing item ({@code [3].positionU}); a request of
 * one item keeps plain field names.
 */
public final class Batch {

    private final boolean single;

    public Batch(boolean single) {
        this.single = single;
    }

    public void at(int index, Runnable step) {
        try {
            step.run();
        } catch (IntentException e) {
            throw single ? e : e.at("[" + index + "].");
        }
    }
}
