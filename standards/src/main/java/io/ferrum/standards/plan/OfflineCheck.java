package io.ferrum.standards.plan;

import io.ferrum.standards.definition.SiteDefinitionParser;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.policy.PolicyChecks;
import io.ferrum.standards.policy.PolicyViolation;
import io.ferrum.standards.spi.StandardRegistry;
import java.util.List;

/**
 * Everything that can be checked about a site definition without a database: it parses, its standard designs it,
 * and the design passes the policy checks. What only the stored intent can tell (another site's address space, a
 * hostname taken elsewhere) is left to the plan. Used by {@code ferrum validate}, and by the CLI before it starts
 * a database, so a broken file fails in a second.
 */
public final class OfflineCheck {

    private final SiteDefinitionParser parser = new SiteDefinitionParser();
    private final StandardRegistry standards = StandardRegistry.discover();
    private final PolicyChecks policy = PolicyChecks.discover();

    /** The design and its policy violations (empty when it is valid). */
    public record Result(DesiredSite design, List<PolicyViolation> violations) {
    }

    /** @throws io.ferrum.standards.definition.DefinitionException naming file:line:column for bad input */
    public DesiredSite design(String fileName, String text) {
        return standards.design(parser.parse(fileName, text));
    }

    public Result check(String fileName, String text) {
        DesiredSite design = design(fileName, text);
        return new Result(design, policy.run(design));
    }
}
