package io.ferrum.standards.definition;

import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.ipam.Cidr;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a site definition (YAML, or JSON when the file name ends in {@code .json}) and checks what can be checked
 * without knowing the standard: required fields, formats, CIDRs, overlapping supernets, the ASN range, rack profiles
 * and duplicate rack names. Everything wrong is reported at once, each problem with file:line:column and field.
 */
public final class SiteDefinitionParser {

    static final String STANDARD = "^[a-z][a-z0-9-]*@[0-9]+$";
    static final String SITE_CODE = "^[a-z0-9][a-z0-9-]{0,31}$";
    static final String RACK_NAME = "^[a-z0-9][a-z0-9-]{0,15}$";
    static final String EXCHANGE_CODE = "^[A-Z0-9]{2,12}$";

    private static final Set<String> ROOT = Set.of("standard", "site", "rackProfiles", "racks", "network", "uplinks",
            "exchanges", "ipSpace", "asnRange");
    private static final Set<String> SITE = Set.of("code", "name", "address", "timezone");
    private static final Set<String> PROFILE = Set.of("heightU", "powerBudgetW");
    private static final Set<String> RACK = Set.of("name", "profile", "servers", "switchSerials", "status");
    private static final Set<String> SERVERS = Set.of("model", "count", "serials");
    private static final Set<String> NETWORK = Set.of("rack", "profile", "serials", "status");
    private static final Set<String> UPLINK = Set.of("name", "border", "port", "circuitId");
    private static final Set<String> EXCHANGE = Set.of("code", "name", "handoffs");
    private static final Set<String> HANDOFF = Set.of("border", "port", "circuitId", "killSwitchGroup");
    private static final List<String> SUPERNETS = List.of("mgmt", "bmc", "loopback", "p2p", "server", "exchange");

    /**
     * @throws DefinitionException listing every problem found, or where the file is not UTF-8
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public SiteDefinition parse(Path file) {
        return parse(file.toString(), DefinitionText.read(file));
    }

    /**
     * @param fileName used in error locations and to tell JSON ({@code .json}) from YAML
     * @throws DefinitionException listing every problem found
     */
    public SiteDefinition parse(String fileName, String text) {
        List<DefinitionProblem> problems = new ArrayList<>();
        SourceTreeReader reader = new SourceTreeReader(fileName, problems);
        SourceNode root = reader.read(text);
        if (root == null) {
            throw new DefinitionException(problems);
        }
        FieldReader fields = new FieldReader(fileName, problems);
        SiteDefinition definition = new Binding(fields).definition(root,
                new DefinitionSource(fileName, reader.locations()));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column));
            throw new DefinitionException(onceEach(problems));
        }
        return definition;
    }

    /**
     * A value shared through a YAML alias is read once for every place that uses it, and each read finds the same
     * mistake at the same spot under another path ({@code rackProfiles.a.heightU}, {@code rackProfiles.b.heightU}).
     * Such a mistake is reported once. The field's own name stays in the comparison because "is required" problems
     * of different fields are all located at the mapping that lacks them.
     */
    private static List<DefinitionProblem> onceEach(List<DefinitionProblem> problems) {
        Map<List<Object>, DefinitionProblem> distinct = new LinkedHashMap<>();
        for (DefinitionProblem problem : problems) {
            String name = problem.field().substring(problem.field().lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
            distinct.putIfAbsent(List.of(problem.line(), problem.column(), name, problem.message()), problem);
        }
        return List.copyOf(distinct.values());
    }

    /** One pass over one document; fields are read leniently so that later sections are still checked. */
    private static final class Binding {

        private final FieldReader in;
        /**
         * Every profile name written, including those whose values are wrong: a rack naming a broken profile is not
         * a second mistake, the profile's own problem already says what to fix.
         */
        private final Set<String> profileNames = new LinkedHashSet<>();

        Binding(FieldReader in) {
            this.in = in;
        }

        SiteDefinition definition(SourceNode node, DefinitionSource source) {
            SourceNode.Mapping root = in.mapping(node, "", ROOT);
            if (root == null) {
                return null;
            }
            String standard = in.matching(root, "", "standard", true, STANDARD, "name@version such as colo-pod@1");
            SiteDefinition.Site site = site(in.mapping(in.field(root, "", "site", true), "site", SITE));
            Map<String, SiteDefinition.RackProfile> profiles = profiles(root);
            List<SiteDefinition.Rack> racks = racks(root);
            SiteDefinition.NetworkRack network = network(root);
            checkRackNames(racks, network, source);
            List<SiteDefinition.Uplink> uplinks = uplinks(root);
            List<SiteDefinition.Exchange> exchanges = exchanges(root);
            SiteDefinition.IpSpace ipSpace = ipSpace(root, !exchanges.isEmpty());
            SiteDefinition.AsnRange asnRange = in.converted(root, "", "asnRange", true, AsnRangeText::parse);
            return new SiteDefinition(standard, site, profiles, racks, network, uplinks, exchanges, ipSpace,
                    asnRange, source);
        }

        private SiteDefinition.Site site(SourceNode.Mapping site) {
            if (site == null) {
                return null;
            }
            return new SiteDefinition.Site(
                    in.matching(site, "site", "code", true, SITE_CODE,
                            "lowercase letters, digits and dashes, at most 32, such as ams1"),
                    in.converted(site, "site", "name", true, Binding::named),
                    in.text(site, "site", "address", false),
                    in.converted(site, "site", "timezone", false, Binding::timeZone));
        }

        /** Checked here because the site service refuses it too, but only at apply time and without a location. */
        private static String named(String name) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("is empty; expected the site's name, such as Amsterdam 1");
            }
            return name;
        }

        private static String timeZone(String zone) {
            try {
                ZoneId.of(zone);
                return zone;
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("'" + zone + "' is not a time zone; expected an IANA name such as "
                        + "Europe/Amsterdam");
            }
        }

        private Map<String, SiteDefinition.RackProfile> profiles(SourceNode.Mapping root) {
            SourceNode.Mapping mapping = in.mapping(in.field(root, "", "rackProfiles", true), "rackProfiles");
            Map<String, SiteDefinition.RackProfile> profiles = new LinkedHashMap<>();
            if (mapping == null) {
                return profiles;
            }
            mapping.entries().forEach((name, entry) -> {
                profileNames.add(name);
                String path = "rackProfiles." + name;
                SourceNode.Mapping profile = in.mapping(entry.value(), path, PROFILE);
                Integer height = in.integer(profile, path, "heightU", true, 1, 60);
                Integer power = in.integer(profile, path, "powerBudgetW", true, 1, 100_000);
                if (height != null && power != null) {
                    profiles.put(name, new SiteDefinition.RackProfile(height, power));
                }
            });
            if (mapping.entries().isEmpty()) {
                in.problem(mapping.at(), "rackProfiles", "must name at least one profile");
            }
            return profiles;
        }

        private List<SiteDefinition.Rack> racks(SourceNode.Mapping root) {
            SourceNode.Sequence sequence = in.sequence(in.field(root, "", "racks", true), "racks");
            List<SiteDefinition.Rack> racks = new ArrayList<>();
            if (sequence == null) {
                return racks;
            }
            for (int i = 0; i < sequence.items().size(); i++) {
                String path = "racks[" + i + "]";
                SourceNode.Mapping rack = in.mapping(sequence.items().get(i), path, RACK);
                if (rack == null) {
                    continue;
                }
                String name = in.matching(rack, path, "name", true, RACK_NAME,
                        "lowercase letters, digits and dashes, at most 16, such as r01");
                String profile = profile(rack, path);
                SiteDefinition.Servers servers = servers(in.mapping(in.field(rack, path, "servers", false),
                        path + ".servers", SERVERS), path + ".servers");
                Map<String, String> switchSerials = in.textMap(rack, path, "switchSerials");
                DeviceStatus status = in.converted(rack, path, "status", false, DeviceStatus::of);
                racks.add(new SiteDefinition.Rack(name, profile, servers, switchSerials, status));
            }
            return racks;
        }

        /** A reference to a rack profile; when there are no profiles at all, rackProfiles has its own problem. */
        private String profile(SourceNode.Mapping owner, String path) {
            String profile = in.text(owner, path, "profile", true);
            if (profile != null && !profileNames.isEmpty() && !profileNames.contains(profile)) {
                in.problem(owner.entries().get("profile").value().at(), path + ".profile", "'" + profile
                        + "' is not a rack profile; defined are " + String.join(", ", profileNames));
            }
            return profile;
        }

        private SiteDefinition.Servers servers(SourceNode.Mapping servers, String path) {
            if (servers == null) {
                return new SiteDefinition.Servers(null, 0, List.of());
            }
            Integer count = in.integer(servers, path, "count", true, 0, 1000);
            String model = in.text(servers, path, "model", count != null && count > 0);
            List<String> serials = new ArrayList<>();
            SourceNode.Sequence sequence = in.sequence(in.field(servers, path, "serials", false), path + ".serials");
            if (sequence != null) {
                for (int i = 0; i < sequence.items().size(); i++) {
                    serials.add(in.scalar(sequence.items().get(i), path + ".serials[" + i + "]"));
                }
                if (count != null && serials.size() > count) {
                    in.problem(sequence.at(), path + ".serials", "lists " + serials.size()
                            + " serials for " + count + " servers");
                }
            }
            return new SiteDefinition.Servers(model, count == null ? 0 : count, serials);
        }

        private SiteDefinition.NetworkRack network(SourceNode.Mapping root) {
            SourceNode.Mapping network = in.mapping(in.field(root, "", "network", true), "network", NETWORK);
            if (network == null) {
                return null;
            }
            return new SiteDefinition.NetworkRack(
                    in.matching(network, "network", "rack", true, RACK_NAME,
                            "lowercase letters, digits and dashes, at most 16, such as n01"),
                    profile(network, "network"),
                    in.textMap(network, "network", "serials"),
                    in.converted(network, "network", "status", false, DeviceStatus::of));
        }

        private void checkRackNames(List<SiteDefinition.Rack> racks, SiteDefinition.NetworkRack network,
                                    DefinitionSource source) {
            Map<String, String> seen = new LinkedHashMap<>();
            if (network != null && network.rack() != null) {
                seen.put(network.rack(), "network.rack");
            }
            for (int i = 0; i < racks.size(); i++) {
                String name = racks.get(i).name();
                if (name == null) {
                    continue;
                }
                String path = "racks[" + i + "].name";
                String first = seen.putIfAbsent(name, path);
                if (first != null) {
                    SourceLocation at = source.locate(path);
                    in.problem(at, path, "rack '" + name + "' is already defined at " + first
                            + " (line " + source.locate(first).line() + ")");
                }
            }
        }

        private List<SiteDefinition.Uplink> uplinks(SourceNode.Mapping root) {
            List<SiteDefinition.Uplink> uplinks = new ArrayList<>();
            SourceNode.Sequence sequence = in.sequence(in.field(root, "", "uplinks", false), "uplinks");
            if (sequence == null) {
                return uplinks;
            }
            for (int i = 0; i < sequence.items().size(); i++) {
                String path = "uplinks[" + i + "]";
                SourceNode.Mapping uplink = in.mapping(sequence.items().get(i), path, UPLINK);
                if (uplink != null) {
                    uplinks.add(new SiteDefinition.Uplink(in.text(uplink, path, "name", true),
                            in.text(uplink, path, "border", true), in.text(uplink, path, "port", true),
                            in.text(uplink, path, "circuitId", true)));
                }
            }
            return uplinks;
        }

        private List<SiteDefinition.Exchange> exchanges(SourceNode.Mapping root) {
            List<SiteDefinition.Exchange> exchanges = new ArrayList<>();
            SourceNode.Sequence sequence = in.sequence(in.field(root, "", "exchanges", false), "exchanges");
            if (sequence == null) {
                return exchanges;
            }
            for (int i = 0; i < sequence.items().size(); i++) {
                String path = "exchanges[" + i + "]";
                SourceNode.Mapping exchange = in.mapping(sequence.items().get(i), path, EXCHANGE);
                if (exchange == null) {
                    continue;
                }
                String code = in.matching(exchange, path, "code", true, EXCHANGE_CODE,
                        "2 to 12 uppercase letters or digits, such as XAMS");
                String name = in.text(exchange, path, "name", true);
                List<SiteDefinition.Handoff> handoffs = new ArrayList<>();
                SourceNode.Sequence items = in.sequence(in.field(exchange, path, "handoffs", true), path + ".handoffs");
                if (items != null) {
                    for (int h = 0; h < items.items().size(); h++) {
                        String handoffPath = path + ".handoffs[" + h + "]";
                        SourceNode.Mapping handoff = in.mapping(items.items().get(h), handoffPath, HANDOFF);
                        if (handoff != null) {
                            handoffs.add(new SiteDefinition.Handoff(in.text(handoff, handoffPath, "border", true),
                                    in.text(handoff, handoffPath, "port", true),
                                    in.text(handoff, handoffPath, "circuitId", true),
                                    in.text(handoff, handoffPath, "killSwitchGroup", false)));
                        }
                    }
                }
                exchanges.add(new SiteDefinition.Exchange(code, name, handoffs));
            }
            return exchanges;
        }

        private SiteDefinition.IpSpace ipSpace(SourceNode.Mapping root, boolean hasExchanges) {
            SourceNode.Mapping space = in.mapping(in.field(root, "", "ipSpace", true), "ipSpace",
                    Set.copyOf(SUPERNETS));
            if (space == null) {
                return null;
            }
            Map<String, Cidr> nets = new LinkedHashMap<>();
            for (String role : SUPERNETS) {
                boolean required = !role.equals("exchange") || hasExchanges;
                Cidr cidr = in.converted(space, "ipSpace", role, required, Cidr::parse);
                if (cidr != null) {
                    nets.put(role, cidr);
                }
            }
            List<String> roles = new ArrayList<>(nets.keySet());
            for (int i = 0; i < roles.size(); i++) {
                for (int j = 0; j < i; j++) {
                    Cidr a = nets.get(roles.get(j));
                    Cidr b = nets.get(roles.get(i));
                    if (a.overlaps(b)) {
                        in.problem(space.entries().get(roles.get(i)).value().at(), "ipSpace." + roles.get(i),
                                b + " overlaps ipSpace." + roles.get(j) + " " + a
                                        + "; each supernet must be separate space");
                    }
                }
            }
            return new SiteDefinition.IpSpace(nets.get("mgmt"), nets.get("bmc"), nets.get("loopback"),
                    nets.get("p2p"), nets.get("server"), nets.get("exchange"));
        }
    }
}
