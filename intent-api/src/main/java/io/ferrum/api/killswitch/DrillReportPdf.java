package io.ferrum.api.killswitch;

import io.ferrum.exporters.PageSize;
import io.ferrum.exporters.pdf.PageFlow;
import io.ferrum.exporters.pdf.PrintDocument;
import io.ferrum.exporters.pdf.TableColumn;
import io.ferrum.provisioning.killswitch.VenueCall;
import java.util.ArrayList;
import java.util.List;

/** The drill report printed: a summary a regulator reads, then every link with its timings and any failure. */
final class DrillReportPdf {

    private DrillReportPdf() {
    }

    static byte[] render(DrillReport report) {
        try (PrintDocument document = new PrintDocument(PageSize.A4, "Kill-switch drill " + report.id(),
                report.startedAt())) {
            PageFlow flow = new PageFlow(document, false);
            flow.heading("Kill-switch drill: " + report.scope(), 16);
            flow.paragraph("Drill " + report.id() + (report.passed() ? " PASSED" : " FAILED") + ".");
            flow.paragraph("Run by " + report.actor() + " from " + report.startedAt() + " to " + report.finishedAt()
                    + ". Reason: " + report.reason());
            flow.paragraph(report.links() + " links: " + report.downVerified() + " verified down, "
                    + report.upVerified() + " verified up again, " + report.failures() + " with a failure.");
            flow.paragraph("Engage to first link down: " + millis(report.firstDownMillis())
                    + "; to every link verified down: " + millis(report.allDownMillis())
                    + "; release (staged) to every link verified up: " + report.releaseMillis() + " ms.");
            if (!report.venueCalls().isEmpty()) {
                List<List<String>> calls = new ArrayList<>();
                for (VenueCall call : report.venueCalls()) {
                    calls.add(List.of(call.exchange(), call.how(), call.ok() ? "ok" : "FAILED: " + call.error(),
                            call.millis() + " ms"));
                }
                flow.table("Venue-side kill calls", List.of(TableColumn.left("Exchange", 1),
                        TableColumn.left("Call", 3), TableColumn.left("Outcome", 3),
                        TableColumn.right("After", 1)), calls, 8);
            }
            List<List<String>> rows = new ArrayList<>();
            for (DrillReport.Link link : report.perLink()) {
                rows.add(List.of(link.circuitId(), link.device(), link.port(), link.down(),
                        link.channel() == null ? "" : link.channel(), link.downMillis() + " ms", link.up(),
                        link.upMillis() + " ms", link.reason() == null ? "" : link.reason()));
            }
            flow.table("Links", List.of(TableColumn.left("Circuit", 2), TableColumn.left("Device", 2),
                    TableColumn.left("Port", 2), TableColumn.left("Down", 2), TableColumn.left("Channel", 1),
                    TableColumn.right("Down after", 1), TableColumn.left("Up", 2), TableColumn.right("Up after", 1),
                    TableColumn.left("Reason", 2)), rows, 7);
            return document.toBytes();
        }
    }

    private static String millis(Long value) {
        return value == null ? "not reached" : value + " ms";
    }
}
