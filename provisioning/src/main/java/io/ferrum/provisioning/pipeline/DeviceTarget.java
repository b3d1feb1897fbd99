package io.ferrum.provisioning.pipeline;

/**
 * One device a run works on, as intent has it: its management address (where the run connects), role and rack
 * (which make redundant pairs).
 */
public record DeviceTarget(String hostname, String address, String role, String rack) {

    /** Roles deployed in redundant pairs per rack (leaf01/leaf02, border01/border02): never both down at once. */
    private static final java.util.Set<String> PAIRED = java.util.Set.of("leaf", "spine", "border", "firewall");

    /** Devices sharing a group are redundant for each other; null when the device has no partner. */
    public String redundancyGroup() {
        return PAIRED.contains(role) ? role + "@" + rack : null;
    }
}
