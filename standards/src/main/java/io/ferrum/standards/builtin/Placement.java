package io.ferrum.standards.builtin;

/** Where a device is mounted: which rack, its lowest unit, and how tall that rack is (for vertical cable runs). */
record Placement(String rack, int positionU, int uHeight, int rackHeightU) {
}
