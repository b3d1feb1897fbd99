package io.ferrum.standards.plan.crosssite;

import io.ferrum.model.ipam.Cidr;
import io.ferrum.standards.definition.DefinitionException;
import io.ferrum.standards.definition.SiteDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a definition wrote what clashes with another site: the field holding the CIDR, serial or circuit, so the
 * refusal names file:line:column like every other definition error. Every standard reads the same definition format,
 * so the value is found there whatever standard designed the site; a value the definition does not hold as such
 * (a standard's own choice) is reported at the section it came from.
 */
public final class ConflictLocations {

    private ConflictLocations() {
    }

    /** The refusal, one located problem per conflict. */
    public static DefinitionException refusal(SiteDefinition definition, List<CrossSiteConflict> conflicts) {
        return new DefinitionException(conflicts.stream()
                .map(c -> definition.source().problem(field(definition, c), c.message())).toList());
    }

    static String field(SiteDefinition definition, CrossSiteConflict conflict) {
        return switch (conflict.concern()) {
            case ADDRESS_SPACE -> addressSpace(definition.ipSpace(), conflict.value());
            case ASN_RANGE -> "asnRange";
            case SERIAL -> serial(definition, conflict.value());
            case CIRCUIT -> circuit(definition, conflict.value());
        };
    }

    private static String addressSpace(SiteDefinition.IpSpace space, String cidr) {
        Map<String, Cidr> fields = new LinkedHashMap<>();
        fields.put("mgmt", space.mgmt());
        fields.put("bmc", space.bmc());
        fields.put("loopback", space.loopback());
        fields.put("p2p", space.p2p());
        fields.put("server", space.server());
        fields.put("exchange", space.exchange());
        return fields.entrySet().stream()
                .filter(f -> f.getValue() != null && f.getValue().toString().equals(canonical(cidr)))
                .map(f -> "ipSpace." + f.getKey()).findFirst().orElse("ipSpace");
    }

    private static String serial(SiteDefinition definition, String serial) {
        for (int r = 0; r < definition.racks().size(); r++) {
            SiteDefinition.Rack rack = definition.racks().get(r);
            List<String> servers = rack.servers().serials();
            for (int s = 0; s < servers.size(); s++) {
                if (serial.equals(servers.get(s))) {
                    return "racks[" + r + "].servers.serials[" + s + "]";
                }
            }
            String device = keyOf(rack.switchSerials(), serial);
            if (device != null) {
                return "racks[" + r + "].switchSerials." + device;
            }
        }
        String device = keyOf(definition.network().serials(), serial);
        return device != null ? "network.serials." + device : "racks";
    }

    private static String circuit(SiteDefinition definition, String circuitId) {
        for (int e = 0; e < definition.exchanges().size(); e++) {
            List<SiteDefinition.Handoff> handoffs = definition.exchanges().get(e).handoffs();
            for (int h = 0; h < handoffs.size(); h++) {
                if (circuitId.equals(handoffs.get(h).circuitId())) {
                    return "exchanges[" + e + "].handoffs[" + h + "].circuitId";
                }
            }
        }
        return "exchanges";
    }

    private static String keyOf(Map<String, String> serials, String serial) {
        return serials.entrySet().stream().filter(e -> Objects.equals(e.getValue(), serial)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static String canonical(String cidr) {
        try {
            return Cidr.parse(cidr).toString();
        } catch (IllegalArgumentException notACidr) {
            return cidr;
        }
    }
}
