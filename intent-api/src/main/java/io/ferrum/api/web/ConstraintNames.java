package io.ferrum.api.web;

import java.util.Map;

/**
 * Translates the database's own refusals (which catch what concurrent writers slip past the model's checks) into
 * the field and words a user understands.
 */
final class ConstraintNames {

    private static final Map<String, String[]> KNOWN = Map.of(
            "cable_one_per_port", new String[] {"b.port", "one of the ports already has a cable"},
            "device_hostname_key", new String[] {"hostname", "the hostname is already taken"},
            "device_serial_key", new String[] {"serial", "the serial is already used by another device"},
            "prefix_unique_in_vrf", new String[] {"prefix", "the prefix already exists in this VRF"},
            "ip_address_unique_in_vrf", new String[] {"address", "the address is already taken in this VRF"},
            "cable_site_id_label_key", new String[] {"label", "the cable label is already used in this site"},
            "exchange_connection_device_id_fkey", new String[] {"id", "the device still has exchange connections"});

    private ConstraintNames() {
    }

    static String fieldOf(String message) {
        return match(message)[0];
    }

    static String explain(String message) {
        String[] known = match(message);
        return known[1];
    }

    private static String[] match(String message) {
        if (message != null) {
            for (var entry : KNOWN.entrySet()) {
                if (message.contains(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return new String[] {"body", "the database refused the change: " + firstLine(message)};
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown reason";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
