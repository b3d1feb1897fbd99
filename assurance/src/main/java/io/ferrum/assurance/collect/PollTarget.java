package io.ferrum.assurance.collect;

import java.time.Duration;
import java.util.Set;

/**
 * One device the collector polls: where it is reached and which ports intent gives it (the device's other
 * interfaces, such as loopback or internal ones, are not intent's business and are left out of the observation).
 */
public record PollTarget(String site, String hostname, String role, String address, int snmpPort, int sshPort,
                         Set<String> ports, Duration interval) {

    public static final int SNMP_PORT = 161;
    public static final int SSH_PORT = 22;

    public PollTarget {
        ports = Set.copyOf(ports);
    }

    /** A device on the standard ports. */
    public PollTarget(String site, String hostname, String role, String address, Set<String> ports,
                      Duration interval) {
        this(site, hostname, role, address, SNMP_PORT, SSH_PORT, ports, interval);
    }
}
