package io.ferrum.standards.policy;

import io.ferrum.standards.desired.DesiredSite;
import java.util.List;

/**
 * A rule every design must keep, checked before apply; any violation blocks apply. Checks see only the
 * {@link DesiredSite} (its device types tell ports, speeds, media, heights and power), so they hold whichever standard
 * designed the site. Teams add their own by implementing this with a public no-argument constructor and listing the
 * class in {@code META-INF/services/io.ferrum.standards.policy.PolicyCheck}.
 */
public interface PolicyCheck {

    /** Short, stable, kebab-case, e.g. {@code power-budget}. */
    String name();

    /** Every violation found; empty when the site keeps the rule. */
    List<PolicyViolation> check(DesiredSite site);
}
