package io.ferrum.model.inventory;

/** One rack: its height in rack units, power budget in watts and the rack profile it follows. */
public record RackInfo(String name, String location, int heightU, int powerBudgetW, String profile) {
}
