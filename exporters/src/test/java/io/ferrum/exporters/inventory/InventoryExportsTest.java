package io.ferrum.exporters.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.SiteInventory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads each inventory export back and checks it against the intent. */
class InventoryExportsTest {

    private final SiteInventory site = TinySite.inventory();
    private final JsonMapper json = JsonMapper.builder().build();

    private List<DeviceInfo> managed() {
        return site.devices().stream().filter(d -> d.primaryIp() != null).toList();
    }

    @Test
    void prometheusHasOneTargetGroupPerManagedDevice() {
        JsonNode groups = json.readTree(new PrometheusFileSd().render(site, ExportOptions.defaults().withPrometheusPort(9273)));
        assertThat(groups.isArray()).isTrue();
        assertThat(groups.size()).isEqualTo(managed().size());
        for (DeviceInfo device : managed()) {
            JsonNode group = null;
            for (JsonNode candidate : groups) {
                if (candidate.get("labels").get("hostname").asString().equals(device.hostname())) {
                    group = candidate;
                }
            }
            assertThat(group).as(device.hostname()).isNotNull();
            assertThat(group.get("targets").get(0).asString()).isEqualTo(device.primaryIp() + ":9273");
            assertThat(group.get("labels").get("site").asString()).isEqualTo("FRA1");
            assertThat(group.get("labels").get("rack").asString()).isEqualTo(device.rack());
            assertThat(group.get("labels").get("role").asString()).isEqualTo(device.role().wire());
        }
    }

    @Test
    void forwardZoneNamesEveryManagedDeviceAndIpamName() {
        String zone = new String(new DnsForwardZone().render(site, ExportOptions.defaults()), StandardCharsets.UTF_8);
        assertThat(zone).contains("$ORIGIN fra1.ferrum.internal.").contains("IN\tSOA\tns1.ferrum.internal.");
        assertThat(zone).contains("srv1-bmc\tIN\tA\t10.10.0.21", "leaf1\tIN\tA\t10.10.0.11", "lo0.leaf1\tIN\tA\t10.255.0.1",
                "leaf1-v6\tIN\tAAAA\t2001:db8::11",
                // srv2 has no DNS name in IPAM: its hostname stands in
                "srv2\tIN\tA\t10.10.0.22");
        assertThat(zone).doesNotContain("www").doesNotContain("192.0.2.7");
    }

    @Test
    void reverseZoneHasOnePtrPerAddress() {
        String zone = new String(new DnsReverseZone().render(site, ExportOptions.defaults()), StandardCharsets.UTF_8);
        assertThat(zone).contains("11.0.10\tIN\tPTR\tleaf1.fra1.ferrum.internal.",
                "1.0.255\tIN\tPTR\tlo0.leaf1.fra1.ferrum.internal.", "5.1.10\tIN\tPTR\tfw1.fra1.ferrum.internal.",
                // IPAM named the BMC address; its hostname-derived A record does not take over the PTR
                "21.0.10\tIN\tPTR\tsrv1-bmc.fra1.ferrum.internal.");
        long ptrs = zone.lines().filter(l -> l.contains("\tPTR\t")).count();
        long distinct = zone.lines().filter(l -> l.contains("\tPTR\t")).map(l -> l.split("\t")[0]).distinct().count();
        assertThat(ptrs).isEqualTo(distinct).isEqualTo(7);
    }

    @Test
    void dhcpReservesManagementAddressesWithMacs() {
        String dnsmasq = new String(new DhcpDnsmasq().render(site, ExportOptions.defaults()), StandardCharsets.UTF_8);
        assertThat(dnsmasq).contains("dhcp-range=10.10.0.0,static,255.255.255.0",
                "dhcp-host=02:00:00:00:00:21,10.10.0.21,srv1", "dhcp-host=02:00:00:00:00:11,10.10.0.11,leaf1");
        // fw1's management port has no MAC in the intent: said, not silently dropped
        assertThat(dnsmasq).contains("# skipped fw1 10.10.1.5: no MAC");
        JsonNode kea = json.readTree(new DhcpKea().render(site, ExportOptions.defaults()));
        JsonNode subnets = kea.get("Dhcp4").get("subnet4");
        assertThat(subnets.size()).isEqualTo(1);
        assertThat(subnets.get(0).get("subnet").asString()).isEqualTo("10.10.0.0/24");
        assertThat(subnets.get(0).get("reservations").size()).isEqualTo(5);
        assertThat(subnets.get(0).get("reservations").get(0).get("ip-address").asString()).isEqualTo("10.10.0.2");
        assertThat(subnets.get(0).get("reservations").get(0).get("hw-address").asString()).isEqualTo("02:00:00:00:00:02");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ansibleInventoryHasEveryDeviceAndGroups() {
        Map<String, Object> root = YAMLMapper.builder().build()
                .readValue(new AnsibleInventory().render(site, ExportOptions.defaults()), Map.class);
        Map<String, Object> all = (Map<String, Object>) root.get("all");
        Map<String, Map<String, Object>> hosts = (Map<String, Map<String, Object>>) all.get("hosts");
        assertThat(hosts.keySet()).containsExactlyInAnyOrderElementsOf(
                site.devices().stream().map(DeviceInfo::hostname).toList());
        assertThat(hosts.get("leaf1")).containsEntry("ansible_host", "10.10.0.11").containsEntry("ferrum_rack", "r01")
                .containsEntry("ferrum_role", "leaf");
        assertThat(hosts.get("spare1")).doesNotContainKey("ansible_host");
        Map<String, Map<String, Map<String, Object>>> children =
                (Map<String, Map<String, Map<String, Object>>>) all.get("children");
        assertThat(children.keySet()).contains("role_leaf", "role_mgmt_switch", "rack_r01", "rack_r02", "platform_eos");
        assertThat(children.get("role_leaf").get("hosts").keySet()).containsExactly("leaf1", "leaf2");
        assertThat(((Map<String, Object>) all.get("vars"))).containsEntry("ferrum_site", "FRA1");
    }
}
