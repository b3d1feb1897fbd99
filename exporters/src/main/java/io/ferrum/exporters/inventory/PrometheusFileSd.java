package io.ferrum.exporters.inventory;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.model.inventory.SiteInventory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus {@code file_sd_configs} targets: one group per device with a management address, target
 * {@code address:port} (default 9100), labelled with site, rack, role and hostname so dashboards can group
 * by physical location without a relabelling config.
 */
public final class PrometheusFileSd implements Export {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String kind() {
        return "prometheus-sd";
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "prometheus-sd", "json");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ManagedHost host : ManagedHosts.of(inventory)) {
            String target = (host.isIpv4() ? host.address() : "[" + host.address() + "]") + ":" + options.prometheusPort();
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("site", inventory.site().code());
            labels.put("rack", host.device().rack() == null ? "" : host.device().rack());
            labels.put("role", host.device().role().wire());
            labels.put("hostname", host.hostname());
            labels.put("model", host.device().model() == null ? "" : host.device().model());
            labels.put("status", host.device().status().wire());
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("targets", List.of(target));
            group.put("labels", labels);
            groups.add(group);
        }
        return (JSON.writeValueAsString(groups) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
