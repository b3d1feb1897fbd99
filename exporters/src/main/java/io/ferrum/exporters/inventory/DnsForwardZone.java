package io.ferrum.exporters.inventory;

import io.ferrum.exporters.Export;
import io.ferrum.exporters.ExportOptions;
import io.ferrum.model.inventory.SiteInventory;
import java.nio.charset.StandardCharsets;

/** The forward zone of a site ({@code <site>.ferrum.internal} unless configured): A and AAAA records. */
public final class DnsForwardZone implements Export {

    @Override
    public String kind() {
        return "dns-zone";
    }

    @Override
    public String contentType() {
        return "text/dns; charset=utf-8";
    }

    @Override
    public String fileName(SiteInventory inventory, ExportOptions options) {
        return options.domainFor(inventory.site()) + ".zone";
    }

    @Override
    public byte[] render(SiteInventory inventory, ExportOptions options) {
        String domain = options.domainFor(inventory.site());
        StringBuilder out = ZoneFile.header(domain, inventory.site().code(), options, domain);
        for (DnsName name : DnsNames.of(inventory, domain)) {
            out.append(name.relative()).append("\tIN\t").append(name.isIpv4() ? "A" : "AAAA").append('\t')
                    .append(name.address()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
