package io.ferrum.exporters.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.exporters.support.Tools;
import io.ferrum.model.inventory.SiteInventory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DNS and DHCP files must load in the real servers, not just look right. */
class ServiceFilesTest {

    private final SiteInventory site = TinySite.inventory();

    static void checkZone(SiteInventory site, ExportOptions options, Path dir, String zoneName, byte[] zone) throws Exception {
        String checkzone = Tools.require("named-checkzone", "bind9-utils");
        Path file = dir.resolve(zoneName + ".zone");
        Files.write(file, zone);
        Tools.Result result = Tools.run(List.of(checkzone, "-k", "fail", "-n", "fail", zoneName, file.toString()));
        assertThat(result.exitCode()).as(result.output() + "\n" + new String(zone, StandardCharsets.UTF_8)).isZero();
        assertThat(result.output()).contains("OK");
    }

    static void checkDnsmasq(Path dir, byte[] conf) throws Exception {
        String dnsmasq = Tools.require("dnsmasq", "dnsmasq-base");
        Path file = dir.resolve("reservations.conf");
        Files.write(file, conf);
        Tools.Result result = Tools.run(List.of(dnsmasq, "--test", "--conf-file=" + file));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("syntax check OK");
    }

    static void checkKea(Path dir, byte[] json) throws Exception {
        String kea = Tools.require("kea-dhcp4", "kea-dhcp4-server");
        Path file = dir.resolve("kea-dhcp4.json");
        Files.write(file, json);
        Tools.Result result = Tools.run(List.of(kea, "-t", file.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void forwardZoneLoadsInNamedCheckzone(@TempDir Path dir) throws Exception {
        ExportOptions options = ExportOptions.defaults();
        checkZone(site, options, dir, "fra1.ferrum.internal", new DnsForwardZone().render(site, options));
    }

    @Test
    void reverseZoneLoadsInNamedCheckzone(@TempDir Path dir) throws Exception {
        ExportOptions options = ExportOptions.defaults();
        DnsReverseZone reverse = new DnsReverseZone();
        String zone = reverse.fileName(site, options).replace(".zone", "");
        assertThat(zone).isEqualTo("10.in-addr.arpa");
        checkZone(site, options, dir, zone, reverse.render(site, options));
    }

    @Test
    void configuredDomainAndReverseZoneAreUsed(@TempDir Path dir) throws Exception {
        ExportOptions options = ExportOptions.defaults().withDnsDomain("dc.example.net.").withReverseZone("0.10.10.in-addr.arpa")
                .withNameServer("ns.example.net").withDnsSerial(2026112201L);
        byte[] forward = new DnsForwardZone().render(site, options);
        byte[] reverse = new DnsReverseZone().render(site, options);
        // names IPAM put under the default domain are outside dc.example.net: only device hostnames remain
        assertThat(new String(forward, StandardCharsets.UTF_8)).contains("2026112201").contains("leaf1\tIN\tA\t10.10.0.11")
                .doesNotContain("lo0.leaf1");
        assertThat(new String(reverse, StandardCharsets.UTF_8)).contains("11\tIN\tPTR\tleaf1.dc.example.net.")
                .doesNotContain("10.1.5");
        checkZone(site, options, dir, "dc.example.net", forward);
        checkZone(site, options, dir, "0.10.10.in-addr.arpa", reverse);
    }

    @Test
    void dnsmasqAcceptsTheReservations(@TempDir Path dir) throws Exception {
        checkDnsmasq(dir, new DhcpDnsmasq().render(site, ExportOptions.defaults()));
    }

    @Test
    void keaAcceptsTheConfiguration(@TempDir Path dir) throws Exception {
        checkKea(dir, new DhcpKea().render(site, ExportOptions.defaults()));
    }
}
