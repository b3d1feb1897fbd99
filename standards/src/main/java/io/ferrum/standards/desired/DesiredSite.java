package io.ferrum.standards.desired;

import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.model.ipam.PrefixDraft;
import java.util.List;

/**
 * Everything a standard wants one site to be, in the intent model's own draft types, so that the planner compares
 * like with like and apply hands the very same drafts to the model's services.
 *
 * <p>Fixed address space ({@code prefixes}: the site's supernets as given in the definition) is stated as drafts;
 * space carved from it ({@code prefixAllocations}, {@code addresses}, {@code asns}) is requested from IPAM by
 * allocation key, so re-planning never reshuffles what was already handed out.
 *
 * @param standard  {@code name@version} of the standard that designed this
 * @param notes     decisions the standard took that a reviewer should see (e.g. servers spilled to another rack)
 * @param platforms software platforms the devices run (shared catalogue rows, created when missing)
 */
public record DesiredSite(
        String standard,
        SiteDraft site,
        List<DeviceTypeDraft> deviceTypes,
        List<RackDraft> racks,
        List<DeviceDraft> devices,
        List<CableDraft> cables,
        List<PrefixDraft> prefixes,
        List<PrefixAllocation> prefixAllocations,
        List<AddressAllocation> addresses,
        List<AsnPoolSpec> asnPools,
        List<AsnAllocation> asns,
        List<ExchangeSpec> exchanges,
        List<ExchangeConnectionDraft> exchangeConnections,
        List<String> notes,
        List<PlatformSpec> platforms) {

    /** A design whose devices name no platform (standards written before platforms were designed). */
    public DesiredSite(String standard, SiteDraft site, List<DeviceTypeDraft> deviceTypes, List<RackDraft> racks,
                       List<DeviceDraft> devices, List<CableDraft> cables, List<PrefixDraft> prefixes,
                       List<PrefixAllocation> prefixAllocations, List<AddressAllocation> addresses,
                       List<AsnPoolSpec> asnPools, List<AsnAllocation> asns, List<ExchangeSpec> exchanges,
                       List<ExchangeConnectionDraft> exchangeConnections, List<String> notes) {
        this(standard, site, deviceTypes, racks, devices, cables, prefixes, prefixAllocations, addresses, asnPools,
                asns, exchanges, exchangeConnections, notes, List.of());
    }

    public DesiredSite {
        deviceTypes = List.copyOf(deviceTypes);
        racks = List.copyOf(racks);
        devices = List.copyOf(devices);
        cables = List.copyOf(cables);
        prefixes = List.copyOf(prefixes);
        prefixAllocations = List.copyOf(prefixAllocations);
        addresses = List.copyOf(addresses);
        asnPools = List.copyOf(asnPools);
        asns = List.copyOf(asns);
        exchanges = List.copyOf(exchanges);
        exchangeConnections = List.copyOf(exchangeConnections);
        notes = List.copyOf(notes);
        platforms = List.copyOf(platforms);
    }

    /** The same design with one more tag on the site (the registry records which standard designed it). */
    public DesiredSite withSiteTag(String tag) {
        if (site.tags() != null && site.tags().contains(tag)) {
            return this;
        }
        List<String> tags = new java.util.ArrayList<>(site.tags() == null ? List.of() : site.tags());
        tags.add(tag);
        SiteDraft tagged = new SiteDraft(site.code(), site.name(), site.address(), site.timezone(), site.status(),
                tags);
        return new DesiredSite(standard, tagged, deviceTypes, racks, devices, cables, prefixes, prefixAllocations,
                addresses, asnPools, asns, exchanges, exchangeConnections, notes, platforms);
    }

    /**
     * A child prefix carved from {@code parent} (a CIDR among {@code prefixes}, or the key of another allocation)
     * by IPAM, e.g. key {@code ams1/r01/server}, length 26.
     */
    public record PrefixAllocation(String key, String parent, int length,
                                   io.ferrum.model.ipam.PrefixRole role, String description) {
    }

    /**
     * An address taken from the prefix {@code pool} (a CIDR among {@code prefixes} or a prefix allocation key) by
     * key, e.g. {@code ams1/ams1-r01-leaf01/loopback}, assigned to {@code device}/{@code port}. {@code hostMask}
     * gives it a /32 (/128) as loopbacks have; {@code primary} makes it the device's management address.
     */
    public record AddressAllocation(String key, String pool, boolean hostMask, String device, String port,
                                    String dnsName, boolean primary) {
    }

    /** The site's ASN range, as a pool named e.g. {@code ams1-asn}. */
    public record AsnPoolSpec(String name, long rangeStart, long rangeEnd) {
    }

    /** One AS number from {@code pool} by key, e.g. {@code ams1/ams1-r01-leaf01/asn}. */
    public record AsnAllocation(String key, String pool, String description) {
    }

    /** An exchange (by market identifier code) the site connects to; created when missing, never deleted. */
    public record ExchangeSpec(String code, String name) {
    }

    /** A software platform devices run, e.g. {@code eos} of OS family {@code eos}. */
    public record PlatformSpec(String name, String osFamily) {
    }
}
