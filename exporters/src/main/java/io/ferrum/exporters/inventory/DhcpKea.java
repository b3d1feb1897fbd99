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
 * A complete ISC Kea DHCPv4 configuration holding the site's reservations: one {@code subnet4} per
 * management subnet with host reservations only (no pools), ids numbered in address order, and the site
 * domain as option {@code domain-name}. Operators merge the {@code subnet4} list into their own config or
 * run it as is.
 */
public final class DhcpKea implements Export {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public String kind() {
        return "dhcp-kea";
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "kea-dhcp4", "json");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        DhcpReservations reservations = DhcpReservations.of(inventory);
        List<Map<String, Object>> subnets = new ArrayList<>();
        int id = 1;
        for (Map.Entry<String, List<ManagedHost>> subnet : reservations.bySubnet().entrySet()) {
            List<Map<String, Object>> hosts = new ArrayList<>();
            for (ManagedHost host : subnet.getValue()) {
                Map<String, Object> reservation = new LinkedHashMap<>();
                reservation.put("hw-address", host.mac());
                reservation.put("ip-address", host.address());
                reservation.put("hostname", DnsNames.label(host.hostname()));
                hosts.add(reservation);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", id++);
            entry.put("subnet", subnet.getKey());
            entry.put("reservations", hosts);
            subnets.add(entry);
        }
        Map<String, Object> dhcp4 = new LinkedHashMap<>();
        dhcp4.put("interfaces-config", Map.of("interfaces", List.of()));
        dhcp4.put("option-data", List.of(Map.of("name", "domain-name", "data", options.domainFor(inventory.site()))));
        dhcp4.put("reservations-out-of-pool", true);
        dhcp4.put("subnet4", subnets);
        return (JSON.writeValueAsString(Map.of("Dhcp4", dhcp4)) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
