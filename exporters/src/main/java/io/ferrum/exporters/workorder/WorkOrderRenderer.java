package io.ferrum.exporters.workorder;

import io.ferrum.exporters.ExportOptions;

/**
 * An export that can also render a real delta between two revisions. The registry's single-inventory
 * {@code render} covers "build everything"; callers holding two revisions check for this interface.
 */
public interface WorkOrderRenderer {

    byte[] render(WorkOrder order, ExportOptions options);
}
