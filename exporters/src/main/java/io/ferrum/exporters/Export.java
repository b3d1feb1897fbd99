package io.ferrum.exporters;

import io.ferrum.model.inventory.SiteInventory;

/**
 * One kind of export: turns a site's intent into a document or a service file. Implementations are
 * stateless and deterministic: the same inventory and options always give the same bytes.
 */
public interface Export {

    /** Stable identifier used by the REST path and the CLI, e.g. {@code cable-schedule-csv}. */
    String kind();

    /** The HTTP content type of the rendered bytes, including a charset for text formats. */
    String contentType();

    /** The file name a download or {@code -o} default should use. */
    String fileName(SiteInventory inventory, ExportOptions options);

    byte[] render(SiteInventory inventory, ExportOptions options);
}
