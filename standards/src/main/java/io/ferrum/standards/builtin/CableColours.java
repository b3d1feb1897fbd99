package io.ferrum.standards.builtin;

/**
 * Cable (or boot) colour by function, so a technician can tell at a glance what a cable does.
 *
 * @param serverA server to its first leaf
 * @param serverB server to its second leaf
 */
record CableColours(String serverA, String serverB, String fabric, String bmc, String mgmt, String mgmtUplink,
                    String console) {
}
