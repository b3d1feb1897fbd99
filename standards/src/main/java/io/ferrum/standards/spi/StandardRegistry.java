package io.ferrum.standards.spi;

import io.ferrum.standards.definition.SiteDefinition;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The standards a deployment knows, by {@code name@version}. */
public final class StandardRegistry {

    private final Map<String, Standard> byId = new TreeMap<>();

    public StandardRegistry(Collection<? extends Standard> standards) {
        for (Standard standard : standards) {
            Standard previous = byId.putIfAbsent(standard.id(), standard);
            if (previous != null && previous.getClass() != standard.getClass()) {
                throw new IllegalArgumentException("two standards claim " + standard.id() + ": "
                        + previous.getClass().getName() + " and " + standard.getClass().getName());
            }
        }
    }

    /**
     * Every {@link Standard} listed in {@code META-INF/services} on the class path: the built-in ones (listed by the
     * standards module itself, so this SPI never names them) and any a team adds in its own jar.
     */
    public static StandardRegistry discover() {
        List<Standard> standards = new ArrayList<>();
        ServiceLoader.load(Standard.class).forEach(standards::add);
        return new StandardRegistry(standards);
    }

    /**
     * @param nameAtVersion e.g. {@code colo-pod@2}
     * @throws UnknownStandardException naming the known standards, or the known versions when only the version is
     *                                  unknown
     */
    public Standard find(String nameAtVersion) {
        Standard standard = byId.get(nameAtVersion);
        if (standard != null) {
            return standard;
        }
        int at = nameAtVersion == null ? -1 : nameAtVersion.indexOf('@');
        if (at < 0) {
            throw new UnknownStandardException("'" + nameAtVersion + "' is not of the form name@version; known are "
                    + String.join(", ", ids()));
        }
        String name = nameAtVersion.substring(0, at);
        List<String> versions = byId.values().stream().filter(s -> s.name().equals(name))
                .map(s -> String.valueOf(s.version())).toList();
        if (versions.isEmpty()) {
            throw new UnknownStandardException("there is no standard named '" + name + "'; known are "
                    + String.join(", ", ids()));
        }
        throw new UnknownStandardException("standard '" + name + "' has no version '"
                + nameAtVersion.substring(at + 1) + "'; known versions are " + String.join(", ", versions));
    }

    /**
     * Finds the definition's standard and designs the site with it; an unknown standard is reported at the
     * definition's {@code standard} field.
     */
    public DesiredSite design(SiteDefinition definition) {
        Standard standard;
        try {
            standard = find(definition.standard());
        } catch (UnknownStandardException e) {
            throw definition.source().refuse("standard", e.getMessage());
        }
        return standard.design(definition).withSiteTag(Standard.siteTag(standard.id()));
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public List<Standard> all() {
        return List.copyOf(byId.values());
    }

    @Override
    public String toString() {
        return byId.keySet().stream().collect(Collectors.joining(", ", "StandardRegistry[", "]"));
    }
}
