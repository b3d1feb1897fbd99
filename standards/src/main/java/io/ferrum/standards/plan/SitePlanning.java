package io.ferrum.standards.plan;

import io.ferrum.standards.definition.SiteDefinition;
import io.ferrum.standards.definition.SiteDefinitionParser;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.plan.crosssite.ConflictLocations;
import io.ferrum.standards.plan.crosssite.CrossSiteConflictException;
import io.ferrum.standards.spi.StandardRegistry;
import org.springframework.stereotype.Service;

/**
 * Plan and apply from a site definition's text: parse it, let its standard design the site, then plan against or
 * apply to the stored intent. The one entry point the REST API and the CLI share.
 */
@Service
public class SitePlanning {

    private final SiteDefinitionParser parser;
    private final StandardRegistry standards;
    private final Planner planner;
    private final PlanApplier applier;
    private final io.ferrum.model.dcim.SiteRepository sites;
    private final io.ferrum.model.inventory.SiteInventoryLoader inventories;

    public SitePlanning(SiteDefinitionParser parser, StandardRegistry standards, Planner planner, PlanApplier applier,
                        io.ferrum.model.dcim.SiteRepository sites,
                        io.ferrum.model.inventory.SiteInventoryLoader inventories) {
        this.parser = parser;
        this.standards = standards;
        this.planner = planner;
        this.applier = applier;
        this.sites = sites;
        this.inventories = inventories;
    }

    /** @throws io.ferrum.standards.definition.DefinitionException naming file:line:column for bad input */
    public DesiredSite design(String fileName, String definitionText) {
        SiteDefinition definition = parser.parse(fileName, definitionText);
        return standards.design(definition);
    }

    /**
     * @throws io.ferrum.standards.definition.DefinitionException naming file:line:column for bad input, and for
     *                                                            each value another site holds (its supernets, AS
     *                                                            numbers, serials, circuits), naming that site
     */
    public Plan plan(String fileName, String definitionText, PlanOptions options) {
        SiteDefinition definition = parser.parse(fileName, definitionText);
        DesiredSite desired = standards.design(definition);
        Plan plan;
        try {
            plan = planner.plan(desired, options);
        } catch (CrossSiteConflictException e) {
            throw ConflictLocations.refusal(definition, e.conflicts());
        }
        String templates = templateNote(desired);
        return templates == null ? plan : plan.withNote(templates);
    }

    /**
     * When the site moves to another standard (version), which devices' rendered configs change through the
     * templates alone; null when the standard stays or the site is new.
     */
    private String templateNote(DesiredSite desired) {
        String code = desired.site().code();
        java.util.Optional<String> stored = sites.findByCode(code)
                .flatMap(site -> io.ferrum.standards.spi.Standard.fromSiteTags(site.getTags()));
        if (stored.isEmpty() || stored.get().equals(desired.standard())) {
            return null;
        }
        io.ferrum.standards.render.ConfigRenderer before;
        try {
            before = io.ferrum.standards.render.ConfigRenderer.of(standards.find(stored.get()));
        } catch (RuntimeException unknown) {
            return "templates: the site's current standard " + stored.get() + " is not installed, so the config "
                    + "changes of moving to " + desired.standard() + " cannot be shown";
        }
        io.ferrum.model.inventory.SiteInventory inventory = inventories.load(code);
        java.util.List<String> changed = io.ferrum.standards.render.TemplateChanges.between(inventory, before,
                io.ferrum.standards.render.ConfigRenderer.of(standards.find(desired.standard())));
        String head = "templates: moving from " + stored.get() + " to " + desired.standard() + " changes the rendered "
                + "config of ";
        if (changed.isEmpty()) {
            return head + "no device";
        }
        return head + changed.size() + " of " + inventory.devices().size() + " devices: "
                + String.join(", ", changed.subList(0, Math.min(50, changed.size())))
                + (changed.size() > 50 ? " and " + (changed.size() - 50) + " more" : "");
    }

    /** Applies the definition; with {@code expectedPlanId} only if the plan is still that one. */
    public Plan apply(String fileName, String definitionText, PlanOptions options, String expectedPlanId) {
        SiteDefinition definition = parser.parse(fileName, definitionText);
        try {
            return applier.apply(standards.design(definition), options, expectedPlanId);
        } catch (CrossSiteConflictException e) {
            throw ConflictLocations.refusal(definition, e.conflicts());
        }
    }
}
