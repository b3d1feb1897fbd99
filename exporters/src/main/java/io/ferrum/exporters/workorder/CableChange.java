package io.ferrum.exporters.workorder;

import io.ferrum.exporters.cables.CableScheduleRow;

/**
 * One cable to add, re-patch, replace (same ends, different type, length or colour) or remove, located in
 * the inventory it belongs to: removals in the before state, everything else in the after state.
 */
public record CableChange(Action action, String label, CableScheduleRow before, CableScheduleRow after) {

    public enum Action { REMOVE, REPATCH, REPLACE, ADD }

    /** The row the installer works from: where the cable ends up, or where it is taken out. */
    public CableScheduleRow worked() {
        return after != null ? after : before;
    }
}
