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

    public SitePlanning(SiteDefinitionParser parser, StandardRegistry standards, Planner planner, PlanApplier applier) {
        this.parser = parser;
        this.standards = standards;
        this.planner = planner;
        this.applier = applier;
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
        try {
            return planner.plan(standards.design(definition), options);
        } catch (CrossSiteConflictException e) {
            throw ConflictLocations.refusal(definition, e.conflicts());
        }
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
