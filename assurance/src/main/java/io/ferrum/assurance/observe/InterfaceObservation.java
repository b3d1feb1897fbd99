package io.ferrum.assurance.observe;

import java.util.List;

/**
 * One interface as the device reports it (IF-MIB ifAdminStatus/ifOperStatus, IP-MIB addresses).
 *
 * @param port      the Ferrum port name ({@code Ethernet1}), already mapped from the device's interface name
 * @param addresses addresses with mask length ({@code 198.18.0.11/24}); null when not collected
 */
public record InterfaceObservation(String port, boolean adminUp, boolean operUp, List<String> addresses) {

    public InterfaceObservation {
        addresses = addresses == null ? null : List.copyOf(addresses);
    }
}
