package io.ferrum.standards.plan;

import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.plan.crosssite.CrossSiteConflictException;
import io.ferrum.standards.plan.crosssite.CrossSiteConflicts;
import io.ferrum.standards.policy.PolicyChecks;
import io.ferrum.standards.policy.PolicyViolation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans a site: its design against the stored intent, with policy checks, ready to read or to apply. */
@Service
public class Planner {

    private final SiteDiffer differ;
    private final PolicyChecks policy;
    private final CrossSiteConflicts crossSite;

    public Planner(SiteDiffer differ, PolicyChecks policy, CrossSiteConflicts crossSite) {
        this.differ = differ;
        this.policy = policy;
        this.crossSite = crossSite;
    }

    /**
     * @throws CrossSiteConflictException listing everything the design takes of other sites (address space, AS
     *                                    numbers, serials, circuits): no plan is made of a design apply could not
     *                                    carry out, nor one that moves another site's objects to this one
     */
    @Transactional(readOnly = true)
    public Plan plan(DesiredSite desired, PlanOptions options) {
        crossSite.refuse(desired);
        return planOf(differ.diff(desired, options), policy.run(desired));
    }

    static Plan planOf(SiteDiff diff, List<PolicyViolation> violations) {
        List<Change> changes = diff.changes.stream()
                .sorted(Comparator.comparing(Change::kind)
                        .thenComparing(Change::key).thenComparing(c -> c.action().ordinal()))
                .toList();
        DesiredSite desired = diff.desired;
        return new Plan(idOf(desired, changes), desired.site().code(), desired.standard(), changes, desired.notes(),
                violations, diff.blockers);
    }

    /** A digest of what apply would do: equal ids mean equal changes. */
    static String idOf(DesiredSite desired, List<Change> changes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, desired.standard() + "|" + desired.site().code());
            for (Change change : changes) {
                update(digest, change.action().wire() + "|" + change.objectType() + "|" + change.key());
                for (AttributeChange attribute : change.attributes()) {
                    update(digest, attribute.name() + "=" + attribute.before() + ">" + attribute.after());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
