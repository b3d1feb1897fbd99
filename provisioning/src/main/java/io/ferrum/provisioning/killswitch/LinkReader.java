package io.ferrum.provisioning.killswitch;

import java.util.Collection;
import java.util.Map;

/**
 * Reads links' oper status from the device: what "verified" means for an engage and a release. The kill switch
 * reads through the first reader that answers.
 */
public interface LinkReader {

    String name();

    /** Oper-up per port (ports the device does not list are left out); throws DriverException. */
    Map<String, Boolean> operUp(String device, String address, Collection<String> ports);
}
