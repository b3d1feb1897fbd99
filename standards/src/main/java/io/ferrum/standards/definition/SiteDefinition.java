package io.ferrum.standards.definition;

import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.ipam.Cidr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A short description of one site: the physical facts a standard cannot know (racks, their power and height, serial
 * numbers, circuits, address space) and the name of the standard that turns it into intent.
 *
 * @param standard   {@code name@version}, e.g. {@code colo-pod@1}
 * @param uplinks    WAN uplinks, possibly empty
 * @param exchanges  exchange connections, possibly empty
 * @param source     where each field was written, for located errors
 */
public record SiteDefinition(
        String standard,
        Site site,
        Map<String, RackProfile> rackProfiles,
        List<Rack> racks,
        NetworkRack network,
        List<Uplink> uplinks,
        List<Exchange> exchanges,
        IpSpace ipSpace,
        AsnRange asnRange,
        DefinitionSource source) {

    public SiteDefinition {
        rackProfiles = Collections.unmodifiableMap(new LinkedHashMap<>(rackProfiles));
        racks = List.copyOf(racks);
        uplinks = List.copyOf(uplinks);
        exchanges = List.copyOf(exchanges);
    }

    public String standardName() {
        return standard.substring(0, standard.indexOf('@'));
    }

    public String standardVersion() {
        return standard.substring(standard.indexOf('@') + 1);
    }

    /** The same site under another standard, e.g. to preview an upgrade from v1 to v2. */
    public SiteDefinition withStandard(String nameAtVersion) {
        return new SiteDefinition(nameAtVersion, site, rackProfiles, racks, network, uplinks, exchanges, ipSpace,
                asnRange, source);
    }

    public record Site(String code, String name, String address, String timezone) {
    }

    public record RackProfile(int heightU, int powerBudgetW) {
    }

    /**
     * A rack of servers. {@code switchSerials} is keyed by the standard's short switch names (e.g. {@code leaf01}).
     *
     * @param status devices' status in this rack; null means planned
     */
    public record Rack(String name, String profile, Servers servers, Map<String, String> switchSerials,
                       DeviceStatus status) {

        public Rack {
            switchSerials = Collections.unmodifiableMap(new LinkedHashMap<>(switchSerials));
        }
    }

    /**
     * {@code count} servers of one model; {@code serials} by position (the first serial is the first server), shorter
     * than count or with nulls while servers are still unknown.
     */
    public record Servers(String model, int count, List<String> serials) {

        public Servers {
            serials = Collections.unmodifiableList(new ArrayList<>(serials));
        }

        /** The serial of server {@code index} (0-based), or null while unknown. */
        public String serial(int index) {
            return index < serials.size() ? serials.get(index) : null;
        }
    }

    /** The rack holding the site's shared network devices; {@code serials} keyed by short name (border01, ...). */
    public record NetworkRack(String rack, String profile, Map<String, String> serials, DeviceStatus status) {

        public NetworkRack {
            serials = Collections.unmodifiableMap(new LinkedHashMap<>(serials));
        }
    }

    /** A WAN uplink terminating on a border device's port. */
    public record Uplink(String name, String border, String port, String circuitId) {
    }

    /** An exchange (market identifier code such as XAMS) and its hand-offs. */
    public record Exchange(String code, String name, List<Handoff> handoffs) {

        public Exchange {
            handoffs = List.copyOf(handoffs);
        }
    }

    public record Handoff(String border, String port, String circuitId, String killSwitchGroup) {
    }

    /** The site's supernets; {@code exchange} is null when the site has no exchanges. */
    public record IpSpace(Cidr mgmt, Cidr bmc, Cidr loopback, Cidr p2p, Cidr server, Cidr exchange) {
    }

    public record AsnRange(long first, long last) {

        public long size() {
            return last - first + 1;
        }

        @Override
        public String toString() {
            return first + "-" + last;
        }
    }
}
