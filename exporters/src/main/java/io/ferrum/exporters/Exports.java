package io.ferrum.exporters;

import io.ferrum.exporters.bom.BomCsv;
import io.ferrum.exporters.buildpack.BuildPackPdf;
import io.ferrum.exporters.cables.CableScheduleCsv;
import io.ferrum.exporters.cables.CableScheduleXlsx;
import io.ferrum.exporters.elevation.RackElevationSvg;
import io.ferrum.exporters.inventory.AnsibleInventory;
import io.ferrum.exporters.inventory.DhcpDnsmasq;
import io.ferrum.exporters.inventory.DeviceInventoryCsv;
import io.ferrum.exporters.inventory.DhcpKea;
import io.ferrum.exporters.inventory.DnsForwardZone;
import io.ferrum.exporters.inventory.DnsReverseZone;
import io.ferrum.exporters.inventory.BareMetalCsv;
import io.ferrum.exporters.inventory.ExchangeHandoffsCsv;
import io.ferrum.exporters.inventory.PrometheusFileSd;
import io.ferrum.exporters.labels.LabelSheetPdf;
import io.ferrum.exporters.portmap.PortMapCsv;
import io.ferrum.exporters.workorder.WorkOrderCsv;
import io.ferrum.exporters.workorder.WorkOrderPdf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of export kinds, plain Java so the REST controller and the CLI can share one instance
 * ({@code Exports.builtIn()}) without any framework.
 */
public final class Exports {

    private final Map<String, Export> byKind = new LinkedHashMap<>();

    public Exports(List<? extends Export> exports) {
        for (Export export : exports) {
            if (byKind.putIfAbsent(export.kind(), export) != null) {
                throw new IllegalArgumentException("Two exports claim kind '" + export.kind() + "'");
            }
        }
    }

    public static Exports builtIn() {
        return new Exports(List.of(
                new CableScheduleCsv(),
                new CableScheduleXlsx(),
                new BuildPackPdf(),
                new RackElevationSvg(),
                new LabelSheetPdf(),
                new BomCsv(),
                new PortMapCsv(),
                new WorkOrderPdf(),
                new WorkOrderCsv(),
                new PrometheusFileSd(),
                new DnsForwardZone(),
                new DnsReverseZone(),
                new DhcpDnsmasq(),
                new DhcpKea(),
                new AnsibleInventory(),
                new DeviceInventoryCsv(),
                new ExchangeHandoffsCsv(),
                new BareMetalCsv()));
    }

    public Optional<Export> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The export of a kind, or an {@link UnknownExportKindException} naming the known kinds. */
    public Export require(String kind) {
        return find(kind).orElseThrow(() -> new UnknownExportKindException(kind, kinds()));
    }

    /** Known kinds in registration order (build documents first, then service files). */
    public List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }

    public List<Export> all() {
        return new ArrayList<>(byKind.values());
    }
}
