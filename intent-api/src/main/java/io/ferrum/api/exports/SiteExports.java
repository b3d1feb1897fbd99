package io.ferrum.api.exports;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.Exports;
import io.ferrum.exporters.UnknownExportKindException;
import io.ferrum.model.changelog.ChangeLogQuery;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.inventory.SiteInventory;
import io.ferrum.model.inventory.SiteInventoryLoader;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Renders one export of one site's stored intent; shared by the REST API and the CLI. */
@Service
public class SiteExports {

    private final SiteInventoryLoader loader;
    private final ChangeLogQuery changeLog;
    private final Exports exports = Exports.builtIn();

    public SiteExports(SiteInventoryLoader loader, ChangeLogQuery changeLog) {
        this.loader = loader;
        this.changeLog = changeLog;
    }

    /** A rendered export: its bytes and how to serve or save them. */
    public record Rendered(String kind, String contentType, String fileName, byte[] body) {
    }

    public Rendered render(String siteCode, String kind, Map<String, String> parameters) {
        Export export;
        try {
            export = exports.require(kind);
        } catch (UnknownExportKindException e) {
            throw IntentException.notFound("kind", e.getMessage());
        }
        ExportOptions options;
        try {
            Map<String, String> withSerial = new java.util.LinkedHashMap<>(parameters);
            // Zone serials follow the intent's revision unless the caller pins one, so secondaries notice changes.
            withSerial.putIfAbsent("dns-serial", String.valueOf(Math.max(1, changeLog.revision())));
            options = ExportOptions.fromParameters(withSerial);
        } catch (IllegalArgumentException e) {
            throw IntentException.invalid("options", e.getMessage());
        }
        SiteInventory inventory = loader.load(siteCode);
        return new Rendered(kind, export.contentType(), export.fileName(inventory, options),
                export.render(inventory, options));
    }

    public java.util.List<String> kinds() {
        return exports.kinds();
    }
}
