package io.ferrum.exporters.bench;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.Exports;
import io.ferrum.exporters.fixtures.LargeSite;
import io.ferrum.model.inventory.SiteInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times every export kind on the generated 40 x 40 site: warm-up renders, then the median of the timed
 * runs. Arguments: [runs] [output directory to keep the last render of each kind]. A smaller site:
 * {@code -Dferrum.bench.racks=2 -Dferrum.bench.servers=2} (BENCH_JAVA_OPTS; the README smoke does).
 */
public final class BuildPackBenchmark {

    private BuildPackBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path keep = args.length > 1 ? Path.of(args[1]) : null;
        long generateStart = System.nanoTime();
        SiteInventory site = LargeSite.generate(Integer.getInteger("ferrum.bench.racks", 40),
                Integer.getInteger("ferrum.bench.servers", 40));
        System.out.printf(Locale.ROOT, "site %s: %d racks, %d devices, %d ports, %d cables (generated in %d ms)%n",
                site.site().code(), site.racks().size(), site.devices().size(),
                site.devices().stream().mapToInt(d -> d.ports().size()).sum(), site.cables().size(),
                (System.nanoTime() - generateStart) / 1_000_000);
        ExportOptions options = ExportOptions.defaults();
        Exports exports = Exports.builtIn();
        List<String> kinds = new ArrayList<>(exports.kinds());
        // the build pack first: it is the headline figure
        kinds.remove("build-pack-pdf");
        kinds.add(0, "build-pack-pdf");
        for (String kind : kinds) {
            Export export = exports.require(kind);
            int warmups = kind.equals("build-pack-pdf") ? 2 : 1;
            byte[] bytes = null;
            for (int i = 0; i < warmups; i++) {
                bytes = export.render(site, options);
            }
            long[] millis = new long[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                bytes = export.render(site, options);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "%-20s median %6d ms  (min %d, max %d, %d runs)  %,d bytes%n", kind,
                    millis[runs / 2], millis[0], millis[runs - 1], runs, bytes.length);
            if (keep != null) {
                Files.createDirectories(keep);
                Files.write(keep.resolve(export.fileName(site, options)), bytes);
            }
        }
    }
}
