package io.ferrum.exporters.inventory;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.FileNames;
import io.ferrum.model.dcim.NaturalOrder;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An Ansible YAML inventory: every device under {@code all.hosts} with {@code ansible_host} (its
 * management address, when it has one) and {@code ferrum_*} facts, grouped as {@code role_<role>},
 * {@code rack_<rack>} and {@code platform_<platform>} (names made of letters, digits and underscores, as
 * Ansible wants).
 */
public final class AnsibleInventory implements Export {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @Override
    public String kind() {
        return "ansible-inventory";
    }

    @Override
    public String contentType() {
        return "application/yaml; charset=utf-8";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return FileNames.of(inventory, "ansible-inventory", "yml");
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        Map<String, Map<String, Object>> groups = new TreeMap<>(NaturalOrder.INSTANCE);
        for (DeviceInfo device : inventory.devices()) {
            hosts.put(device.hostname(), facts(device, options.domainFor(inventory.site())));
            member(groups, "role_" + group(device.role().wire()), device);
            if (device.rack() != null) {
                member(groups, "rack_" + group(device.rack()), device);
            }
            if (device.platform() != null && !device.platform().isBlank()) {
                member(groups, "platform_" + group(device.platform()), device);
            }
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("ferrum_site", inventory.site().code());
        vars.put("ferrum_domain", options.domainFor(inventory.site()));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("vars", vars);
        all.put("hosts", hosts);
        all.put("children", groups);
        return YAML.writeValueAsString(Map.of("all", all)).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> facts(DeviceInfo device, String domain) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (device.primaryIp() != null) {
            facts.put("ansible_host", device.primaryIp());
        }
        facts.put("ferrum_fqdn", DnsNames.label(device.hostname()) + "." + domain);
        facts.put("ferrum_role", device.role().wire());
        facts.put("ferrum_status", device.status().wire());
        putIfPresent(facts, "ferrum_rack", device.rack());
        putIfPresent(facts, "ferrum_position_u", device.positionU());
        putIfPresent(facts, "ferrum_platform", device.platform());
        putIfPresent(facts, "ferrum_manufacturer", device.manufacturer());
        putIfPresent(facts, "ferrum_model", device.model());
        putIfPresent(facts, "ferrum_serial", device.serial());
        if (!device.tags().isEmpty()) {
            facts.put("ferrum_tags", device.tags().stream().sorted().toList());
        }
        return facts;
    }

    @SuppressWarnings("unchecked")
    private static void member(Map<String, Map<String, Object>> groups, String group, DeviceInfo device) {
        Map<String, Object> hosts = (Map<String, Object>) groups
                .computeIfAbsent(group, g -> new LinkedHashMap<>(Map.of("hosts", new LinkedHashMap<String, Object>())))
                .get("hosts");
        hosts.put(device.hostname(), Map.of());
    }

    private static void putIfPresent(Map<String, Object> facts, String key, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            facts.put(key, value);
        }
    }

    static String group(String text) {
        String clean = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        return clean.isEmpty() ? "_" : clean;
    }
}
