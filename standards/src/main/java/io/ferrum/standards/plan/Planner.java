package io.ferrum.standards.plan;

import io.ferrum.standards.desired.DesiredSite;
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

    public Planner(SiteDiffer differ, PolicyChecks policy) {
        this.differ = differ;
        this.policy = policy;
    }

    @Transactional(readOnly = true)
    public Plan plan(DesiredSite desired, PlanOptions options) {
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
