package io.ferrum.exporters.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferrum.exporters.ExportOptions;
import io.ferrum.exporters.fixtures.TinySite;
import io.ferrum.model.inventory.DeviceInfo;
import io.ferrum.model.inventory.PortInfo;
import io.ferrum.model.inventory.PrefixInfo;
import io.ferrum.model.inventory.SiteInventory;
import io.ferrum.model.ipam.IpStatus;
import io.ferrum.model.ipam.PrefixRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network boot in the DHCP export and the bare-metal CSV: only enrolled servers (a data port with a MAC) boot, on
 * their rack's server subnet, and iPXE is sent to the boot URL; the file loads in the real dnsmasq.
 */
class NetworkBootExportsTest {

    private static final String MAC = "52:54:00:aa:00:01";

    /** The tiny site with srv1 enrolled (a MAC on eth0) and server subnets for both racks. */
    private static SiteInventory enrolled() {
        SiteInventory tiny = TinySite.inventory();
        List<DeviceInfo> devices = new ArrayList<>();
        for (DeviceInfo d : tiny.devices()) {
            if (d.hostname().equals("srv1")) {
                List<PortInfo> ports = d.ports().stream().map(p -> p.name().equals("eth0") ? new PortInfo(p.name(),
                        p.kind(), p.speedMbps(), p.media(), MAC.toUpperCase(), p.enabled(), p.description()) : p).toList();
                d = new DeviceInfo(d.hostname(), d.role(), d.manufacturer(), d.model(), d.deviceType(), d.uHeight(),
                        d.fullDepth(), d.typicalPowerW(), d.maxPowerW(), d.serial(), d.assetTag(), d.status(), d.rack(),
                        d.face(), d.positionU(), d.platform(), d.primaryIp(), d.desiredFirmware(), ports, d.tags());
            }
            devices.add(d);
        }
        List<PrefixInfo> prefixes = new ArrayList<>(tiny.prefixes());
        prefixes.add(new PrefixInfo(null, "10.20.0.0/16", PrefixRole.SERVER, IpStatus.ACTIVE, "servers"));
        prefixes.add(new PrefixInfo(null, "10.20.1.0/26", PrefixRole.SERVER, IpStatus.ACTIVE, "servers of rack r01"));
        prefixes.add(new PrefixInfo(null, "10.20.2.0/26", PrefixRole.SERVER, IpStatus.ACTIVE, "servers of rack r02"));
        return new SiteInventory(tiny.site(), tiny.racks(), devices, tiny.cables(), prefixes, tiny.addresses(),
                tiny.exchangeConnections());
    }

    @Test
    void enrolledServersBootOnTheirRacksServerSubnetIntoFerrum(@TempDir Path dir) throws Exception {
        ExportOptions options = ExportOptions.defaults().withBootUrl("http://198.18.16.1:8080/");
        byte[] conf = new DhcpDnsmasq().render(enrolled(), options);
        String text = new String(conf, StandardCharsets.UTF_8);

        assertThat(text).contains("dhcp-userclass=set:ipxe,iPXE\n")
                .contains("dhcp-range=set:pxe-1,10.20.1.10,10.20.1.62,255.255.255.192,10m\n")
                .contains("dhcp-option=tag:pxe-1,option:router,10.20.1.1\n")
                .contains("dhcp-host=" + MAC + ",set:ferrum-pxe,srv1\n")
                .contains("dhcp-boot=tag:ipxe,tag:ferrum-pxe,http://198.18.16.1:8080/boot/ipxe\n")
                .contains("# no network boot for srv2: not enrolled (no MAC on a data port)")
                .contains("# no network boot for spare1: not enrolled");
        assertThat(text).doesNotContain("10.20.2.");
        ServiceFilesTest.checkDnsmasq(dir, conf);
    }

    @Test
    void withoutABootUrlTheDhcpExportHasNoNetworkBoot() {
        String text = new String(new DhcpDnsmasq().render(enrolled(), ExportOptions.defaults()),
                StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("dhcp-boot").doesNotContain(MAC);
    }

    @Test
    void theBareMetalCsvListsEnrolledServersWithTheirBmcAndNoSecrets() {
        String csv = new String(new BareMetalCsv().render(enrolled(), ExportOptions.defaults()), StandardCharsets.UTF_8);
        assertThat(csv.lines()).containsExactly(String.join(",", BareMetalCsv.HEADER),
                "srv1,SRV0001,10.10.0.21,24,,," + MAC + ",,26,10.20.1.1,");
    }
}
