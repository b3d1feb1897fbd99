package io.ferrum.standards.policy;

import io.ferrum.model.ipam.Cidr;
import io.ferrum.model.ipam.PrefixDraft;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The site's fixed prefixes are valid CIDRs and none overlaps another in the same VRF: each supernet is separate
 * space, so IPAM can never hand one address out for two purposes.
 */
public final class PrefixOverlapCheck implements PolicyCheck {

    @Override
    public String name() {
        return "prefix-overlap";
    }

    @Override
    public List<PolicyViolation> check(DesiredSite site) {
        List<PolicyViolation> violations = new ArrayList<>();
        List<PrefixDraft> valid = new ArrayList<>();
        List<Cidr> cidrs = new ArrayList<>();
        for (PrefixDraft prefix : site.prefixes()) {
            try {
                Cidr cidr = Cidr.parse(prefix.prefix());
                for (int i = 0; i < cidrs.size(); i++) {
                    if (Objects.equals(valid.get(i).vrf(), prefix.vrf()) && cidrs.get(i).overlaps(cidr)) {
                        violations.add(new PolicyViolation(name(), prefix.prefix(), "(" + role(prefix)
                                + ") overlaps " + valid.get(i).prefix() + " (" + role(valid.get(i)) + ")"));
                    }
                }
                valid.add(prefix);
                cidrs.add(cidr);
            } catch (IllegalArgumentException e) {
                violations.add(new PolicyViolation(name(), String.valueOf(prefix.prefix()), e.getMessage()));
            }
        }
        return violations;
    }

    private static String role(PrefixDraft prefix) {
        return prefix.role() == null ? "no role" : prefix.role().wire();
    }
}
