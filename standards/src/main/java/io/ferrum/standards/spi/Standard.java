package io.ferrum.standards.spi;

import io.ferrum.standards.definition.DefinitionException;
import io.ferrum.standards.definition.SiteDefinition;
import io.ferrum.standards.desired.DesiredSite;

/**
 * A data-center standard as code: turns a short site definition into the full intent for that site.
 *
 * <p>Implementations must be deterministic (the same definition gives an equal {@link DesiredSite}), tag every
 * object they design with {@link #OWNERSHIP_TAG} so the planner knows what it may change, and refuse what does not
 * fit by throwing {@link DefinitionException} located at the definition's field (see
 * {@code definition.source().refuse(...)}). Teams add their own by implementing this interface with a public
 * no-argument constructor and listing the class in {@code META-INF/services/io.ferrum.standards.spi.Standard}.
 */
public interface Standard {

    /** Marks objects a standard owns; objects without it are hand-made and left alone by the planner. */
    String OWNERSHIP_TAG = "ferrum:std";

    /**
     * Prefix of the site tag naming the standard that designed the site ({@code ferrum:standard:colo-pod@3}): how
     * config rendering finds the templates that go with the site's standard version.
     */
    String SITE_TAG_PREFIX = "ferrum:standard:";

    static String siteTag(String id) {
        return SITE_TAG_PREFIX + id;
    }

    /** The standard id recorded in a site's tags, if a standard designed it. */
    static java.util.Optional<String> fromSiteTags(java.util.Collection<String> tags) {
        return tags.stream().filter(t -> t.startsWith(SITE_TAG_PREFIX)).map(t -> t.substring(SITE_TAG_PREFIX.length()))
                .findFirst();
    }

    /** Lowercase name such as {@code colo-pod}. */
    String name();

    /** Versions of one standard may design the same site differently; upgrading is re-planning with the new one. */
    int version();

    /** One line for people choosing a standard. */
    String description();

    /**
     * @throws DefinitionException when the definition does not fit this standard (unknown server model, a rack that
     *                             cannot hold its servers, ...), naming the field
     */
    DesiredSite design(SiteDefinition definition);

    default String id() {
        return name() + "@" + version();
    }
}
