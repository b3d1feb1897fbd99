package io.ferrum.standards.builtin;

import io.ferrum.standards.definition.SiteDefinition;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.spi.Standard;

/**
 * The built-in standard for an exchange colocation pod. Versions share this code and differ only in
 * {@link ColoPodRules}; see docs/standards.md for the rules in prose.
 */
public abstract class ColoPodStandard implements Standard {

    public static final String NAME = "colo-pod";

    private final ColoPodRules rules;

    ColoPodStandard(ColoPodRules rules) {
        this.rules = rules;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int version() {
        return rules.version();
    }

    @Override
    public String description() {
        return rules.description();
    }

    @Override
    public DesiredSite design(SiteDefinition definition) {
        new ColoPodFit(id(), rules).check(definition);
        return new ColoPodDesign(definition, rules, id()).design();
    }
}
