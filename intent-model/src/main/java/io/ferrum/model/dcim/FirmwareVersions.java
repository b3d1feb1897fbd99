package io.ferrum.model.dcim;

import io.ferrum.model.common.IntentException;
import java.util.regex.Pattern;

/** The shape of a firmware version intent may name: what the catalogue accepts, so a typo fails here, not on a device. */
public final class FirmwareVersions {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private FirmwareVersions() {
    }

    /** The version, or null for "none"; refuses anything the catalogue could never hold. */
    public static String checked(String version) {
        if (version == null) {
            return null;
        }
        if (!VERSION.matcher(version).matches()) {
            throw IntentException.invalid("version", "'" + (version.length() > 80 ? version.substring(0, 80) + "…"
                    : version) + "' is not a firmware version; expected letters, digits, '.', '_' or '-' (at most 64)");
        }
        return version;
    }
}
