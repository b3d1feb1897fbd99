package io.ferrum.standards.policy;

import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The checks a design must pass before apply: the built-in ones plus any teams add. */
public final class PolicyChecks {

    private final List<PolicyCheck> checks;

    public PolicyChecks(List<? extends PolicyCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public static List<PolicyCheck> builtIn() {
        return List.of(new RackUnitOverlapCheck(), new RackHeightCheck(), new PowerBudgetCheck(),
                new CableEndpointCheck(), new CableMediaCheck(), new CableLengthCheck(), new PrefixOverlapCheck(),
                new DuplicateSerialCheck(), new DuplicateHostnameCheck(), new ServerUplinkCheck(),
                new ExchangeHandoffCheck());
    }

    /** Built-in checks plus every {@link PolicyCheck} listed in {@code META-INF/services} on the class path. */
    public static PolicyChecks discover() {
        List<PolicyCheck> checks = new ArrayList<>(builtIn());
        ServiceLoader.load(PolicyCheck.class).forEach(checks::add);
        return new PolicyChecks(checks);
    }

    /** Every violation of every check, in check order; empty means the design may be applied. */
    public List<PolicyViolation> run(DesiredSite site) {
        List<PolicyViolation> violations = new ArrayList<>();
        for (PolicyCheck check : checks) {
            violations.addAll(check.check(site));
        }
        return violations;
    }

    /** @throws PolicyException listing every violation, when there is any */
    public void enforce(DesiredSite site) {
        List<PolicyViolation> violations = run(site);
        if (!violations.isEmpty()) {
            throw new PolicyException(violations);
        }
    }

    public List<String> names() {
        return checks.stream().map(PolicyCheck::name).toList();
    }
}
