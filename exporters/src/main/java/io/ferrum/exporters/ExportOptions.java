package io.ferrum.exporters;

import io.ferrum.model.inventory.SiteInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Options shared by all exports; each export reads only the ones it needs. Null means "use the default".
 *
 * @param pageSize       paper for the PDFs (default A4)
 * @param rack           restrict the rack elevation SVG to one rack (default: all racks side by side)
 * @param dnsDomain      forward zone / domain for DNS, DHCP and Ansible (default {@code <site>.ferrum.internal})
 * @param reverseZone    reverse zone such as {@code 10.in-addr.arpa} (default: derived from the addresses)
 * @param nameServer     NS of the generated zones (default {@code ns1.ferrum.internal.}, outside the site zone
 *                       so that no glue record is needed)
 * @param dnsSerial      SOA serial; callers should pass the intent revision so that it grows with changes
 * @param prometheusPort port appended to each Prometheus target (default 9100, node_exporter)
 * @param documentDate   creation/modification date written into PDFs and XLSX; fixed by default so that
 *                       the same intent renders to identical bytes
 * @param bootUrl        where network-booting servers reach Ferrum (the DHCP exports' iPXE boot file); none: the
 *                       exports carry no network-boot options
 */
public record ExportOptions(
        PageSize pageSize,
        String rack,
        String dnsDomain,
        String reverseZone,
        String nameServer,
        Long dnsSerial,
        Integer prometheusPort,
        Instant documentDate,
        String bootUrl) {

    /** The date stamped into documents unless the caller passes one, e.g. the revision's commit time. */
    public static final Instant FIXED_DOCUMENT_DATE = Instant.parse("2026-01-01T00:00:00Z");

    public ExportOptions {
        pageSize = pageSize == null ? PageSize.A4 : pageSize;
        rack = blankToNull(rack);
        dnsDomain = blankToNull(dnsDomain);
        reverseZone = blankToNull(reverseZone);
        nameServer = nameServer == null || nameServer.isBlank() ? "ns1.ferrum.internal." : nameServer;
        dnsSerial = dnsSerial == null ? 1L : dnsSerial;
        prometheusPort = prometheusPort == null ? 9100 : prometheusPort;
        documentDate = documentDate == null ? FIXED_DOCUMENT_DATE : documentDate;
        bootUrl = blankToNull(bootUrl) == null ? null : bootUrl.trim().replaceAll("/+$", "");
    }

    public ExportOptions(PageSize pageSize, String rack, String dnsDomain, String reverseZone, String nameServer,
                         Long dnsSerial, Integer prometheusPort, Instant documentDate) {
        this(pageSize, rack, dnsDomain, reverseZone, nameServer, dnsSerial, prometheusPort, documentDate, null);
    }

    /** Parameter names accepted by {@link #fromParameters}, as REST query parameters or CLI options. */
    public static final List<String> PARAMETERS = List.of("page-size", "rack", "dns-domain", "reverse-zone",
            "name-server", "dns-serial", "prometheus-port", "document-date", "boot-url");

    public static ExportOptions defaults() {
        return new ExportOptions(null, null, null, null, null, null, null, null);
    }

    /**
     * Options from string parameters (see {@link #PARAMETERS}), so a REST controller can pass its query map
     * and a CLI its {@code --option} values unchanged. Blank values mean "default"; unknown names and
     * unparsable values are rejected with a message naming the parameter.
     */
    public static ExportOptions fromParameters(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("Unknown export option '" + name + "'; known options: "
                        + String.join(", ", PARAMETERS));
            }
        }
        return new ExportOptions(
                parse(parameters, "page-size", PageSize::of),
                parameters.get("rack"),
                parameters.get("dns-domain"),
                parameters.get("reverse-zone"),
                parameters.get("name-server"),
                parse(parameters, "dns-serial", Long::valueOf),
                parse(parameters, "prometheus-port", Integer::valueOf),
                parse(parameters, "document-date", Instant::parse),
                parameters.get("boot-url"));
    }

    private static <T> T parse(Map<String, String> parameters, String name, Function<String, T> parser) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Export option '" + name + "' has an invalid value '" + value + "'", e);
        }
    }

    public ExportOptions withPageSize(PageSize value) {
        return new ExportOptions(value, rack, dnsDomain, reverseZone, nameServer, dnsSerial, prometheusPort, documentDate, bootUrl);
    }

    public ExportOptions withRack(String value) {
        return new ExportOptions(pageSize, value, dnsDomain, reverseZone, nameServer, dnsSerial, prometheusPort, documentDate, bootUrl);
    }

    public ExportOptions withDnsDomain(String value) {
        return new ExportOptions(pageSize, rack, value, reverseZone, nameServer, dnsSerial, prometheusPort, documentDate, bootUrl);
    }

    public ExportOptions withReverseZone(String value) {
        return new ExportOptions(pageSize, rack, dnsDomain, value, nameServer, dnsSerial, prometheusPort, documentDate, bootUrl);
    }

    public ExportOptions withNameServer(String value) {
        return new ExportOptions(pageSize, rack, dnsDomain, reverseZone, value, dnsSerial, prometheusPort, documentDate, bootUrl);
    }

    public ExportOptions withDnsSerial(long value) {
        return new ExportOptions(pageSize, rack, dnsDomain, reverseZone, nameServer, value, prometheusPort, documentDate, bootUrl);
    }

    public ExportOptions withPrometheusPort(int value) {
        return new ExportOptions(pageSize, rack, dnsDomain, reverseZone, nameServer, dnsSerial, value, documentDate, bootUrl);
    }

    public ExportOptions withDocumentDate(Instant value) {
        return new ExportOptions(pageSize, rack, dnsDomain, reverseZone, nameServer, dnsSerial, prometheusPort, value, bootUrl);
    }

    /** The DNS domain of a site, lowercase, without a trailing dot. */
    public String domainFor(SiteInfo site) {
        String domain = dnsDomain != null ? dnsDomain : site.code() + ".ferrum.internal";
        domain = domain.toLowerCase(Locale.ROOT);
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public ExportOptions withBootUrl(String value) {
        return new ExportOptions(pageSize, rack, dnsDomain, reverseZone, nameServer, dnsSerial, prometheusPort,
                documentDate, value);
    }
}
