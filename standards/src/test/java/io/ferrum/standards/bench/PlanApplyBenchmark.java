package io.ferrum.standards.bench;

import io.ferrum.StandardsTestApplication;
import io.ferrum.standards.Examples;
import io.ferrum.standards.plan.ChangeAction;
import io.ferrum.standards.plan.Plan;
import io.ferrum.standards.plan.PlanOptions;
import io.ferrum.standards.plan.SitePlanning;
import io.ferrum.standards.plan.crosssite.CrossSiteConflicts;
import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Plan and apply of the 40 racks x 40 servers example from an empty database, then no-op re-plans. Each run starts a
 * fresh embedded PostgreSQL so every apply really starts from empty; start-up is not timed, and one untimed
 * warm-up run lets the JIT compile the hot paths first.
 *
 * <p>Run: {@code ./bench standards io.ferrum.standards.bench.PlanApplyBenchmark 5}; another example with
 * {@code BENCH_JAVA_OPTS=-Dferrum.bench.site=small-site.yaml} (the README smoke does).
 */
public final class PlanApplyBenchmark {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String fileName = System.getProperty("ferrum.bench.site", "large-site.yaml");
        String definition = example(fileName);
        long[] plans = new long[runs];
        long[] applies = new long[runs];
        long[] replans = new long[runs * 3];
        long[] crossSite = new long[runs];
        Plan first = null;
        for (int run = -1; run < runs; run++) {
            boolean warmUp = run < 0;
            try (var context = new SpringApplicationBuilder(StandardsTestApplication.class).web(WebApplicationType.NONE)
                    .run("--ferrum.db.ephemeral=true", "--logging.level.root=warn")) {
                SitePlanning planning = context.getBean(SitePlanning.class);
                long t0 = System.nanoTime();
                Plan plan = planning.plan(fileName, definition, PlanOptions.defaults());
                long t1 = System.nanoTime();
                planning.apply(fileName, definition, PlanOptions.defaults(), plan.id());
                long t2 = System.nanoTime();
                if (warmUp) {
                    System.out.printf("warm-up: plan %d ms, apply %d ms%n", ms(t1 - t0), ms(t2 - t1));
                    continue;
                }
                plans[run] = ms(t1 - t0);
                applies[run] = ms(t2 - t1);
                for (int i = 0; i < 3; i++) {
                    long t3 = System.nanoTime();
                    Plan noop = planning.plan(fileName, definition, PlanOptions.defaults());
                    replans[run * 3 + i] = ms(System.nanoTime() - t3);
                    if (noop.hasChanges()) {
                        throw new IllegalStateException("re-plan after apply shows changes: " + noop.changes().size());
                    }
                }
                var design = planning.design(fileName, definition);
                crossSite[run] = Long.MAX_VALUE;
                for (int i = 0; i < 5; i++) { // the best of five: the four queries, not the machine's other load
                    long t4 = System.nanoTime();
                    int clashes = context.getBean(CrossSiteConflicts.class).find(design).size();
                    crossSite[run] = Math.min(crossSite[run], ms(System.nanoTime() - t4));
                    if (clashes != 0) {
                        throw new IllegalStateException("the site clashes with itself: " + clashes);
                    }
                }
                first = plan;
                System.out.printf("run %d: plan %d ms, apply %d ms, no-op re-plans %s ms%n", run + 1, plans[run],
                        applies[run], Arrays.toString(Arrays.copyOfRange(replans, run * 3, run * 3 + 3)));
            }
        }
        System.out.printf("%d changes: %d devices, %d cables, %d addresses%n", first.changes().size(),
                count(first, "device"), count(first, "cable"), count(first, "ip-address"));
        System.out.printf("median plan %d ms, apply %d ms, plan+apply %d ms, no-op re-plan %d ms%n", median(plans),
                median(applies), median(sum(plans, applies)), median(replans));
        System.out.printf("median cross-site checks (4 queries, the site applied; best of 5 per run) %d ms%n", median(crossSite));
        System.exit(0);
    }

    /** ./bench runs from the module, an IDE often from the repository root: find examples/ from either. */
    private static String example(String fileName) {
        for (java.nio.file.Path dir : java.util.List.of(java.nio.file.Path.of("examples"), Examples.DIR)) {
            java.nio.file.Path file = dir.resolve(fileName);
            if (java.nio.file.Files.exists(file)) {
                try {
                    return java.nio.file.Files.readString(file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("examples/" + fileName + " not found; run from the repository root");
    }

    private static long count(Plan plan, String type) {
        return plan.changes().stream().filter(c -> c.objectType().equals(type) && c.action() == ChangeAction.CREATE).count();
    }

    private static long[] sum(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
