package io.ferrum.exporters.cables;

/** Where an installer finds one end of a cable; {@code rack} and {@code u} are null for unracked devices. */
public record CableEndLocation(String rack, Integer u, String device, String port) {

    /** {@code r01 U12 leaf1:Ethernet1}, the form printed on labels and work orders. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (rack != null) {
            text.append(rack).append(' ');
        }
        if (u != null) {
            text.append('U').append(u).append(' ');
        }
        return text.append(device).append(':').append(port).toString();
    }
}
