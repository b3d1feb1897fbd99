package io.ferrum.standards.policy;

import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.CableType;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.model.ipam.PrefixDraft;
import io.ferrum.standards.Examples;
import io.ferrum.standards.builtin.ColoPodV1;
import io.ferrum.standards.desired.DesiredSite;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** A clean designed site and small edits to it, so each check's test breaks exactly one rule. */
final class SiteEdits {

    static final DesiredSite SMALL = new ColoPodV1().design(Examples.parse("small-site.yaml"));

    private SiteEdits() {
    }

    static DesiredSite device(DesiredSite s, String hostname, UnaryOperator<DeviceDraft> edit) {
        List<DeviceDraft> devices = s.devices().stream().map(d -> d.hostname().equals(hostname) ? edit.apply(d) : d)
                .toList();
        return devices(s, devices);
    }

    static DesiredSite devices(DesiredSite s, List<DeviceDraft> devices) {
        return new DesiredSite(s.standard(), s.site(), s.deviceTypes(), s.racks(), devices, s.cables(), s.prefixes(),
                s.prefixAllocations(), s.addresses(), s.asnPools(), s.asns(), s.exchanges(), s.exchangeConnections(),
                s.notes());
    }

    static DesiredSite cable(DesiredSite s, String label, UnaryOperator<CableDraft> edit) {
        return cables(s, s.cables().stream().map(c -> c.label().equals(label) ? edit.apply(c) : c).toList());
    }

    static DesiredSite cables(DesiredSite s, List<CableDraft> cables) {
        return new DesiredSite(s.standard(), s.site(), s.deviceTypes(), s.racks(), s.devices(), cables, s.prefixes(),
                s.prefixAllocations(), s.addresses(), s.asnPools(), s.asns(), s.exchanges(), s.exchangeConnections(),
                s.notes());
    }

    static DesiredSite rack(DesiredSite s, String name, UnaryOperator<RackDraft> edit) {
        List<RackDraft> racks = s.racks().stream().map(r -> r.name().equals(name) ? edit.apply(r) : r).toList();
        return new DesiredSite(s.standard(), s.site(), s.deviceTypes(), racks, s.devices(), s.cables(), s.prefixes(),
                s.prefixAllocations(), s.addresses(), s.asnPools(), s.asns(), s.exchanges(), s.exchangeConnections(),
                s.notes());
    }

    static DesiredSite addPrefix(DesiredSite s, PrefixDraft prefix) {
        List<PrefixDraft> prefixes = new ArrayList<>(s.prefixes());
        prefixes.add(prefix);
        return new DesiredSite(s.standard(), s.site(), s.deviceTypes(), s.racks(), s.devices(), s.cables(), prefixes,
                s.prefixAllocations(), s.addresses(), s.asnPools(), s.asns(), s.exchanges(), s.exchangeConnections(),
                s.notes());
    }

    static DesiredSite connections(DesiredSite s, UnaryOperator<ExchangeConnectionDraft> edit) {
        List<ExchangeConnectionDraft> connections = s.exchangeConnections().stream().map(edit).toList();
        return new DesiredSite(s.standard(), s.site(), s.deviceTypes(), s.racks(), s.devices(), s.cables(),
                s.prefixes(), s.prefixAllocations(), s.addresses(), s.asnPools(), s.asns(), s.exchanges(),
                connections, s.notes());
    }

    static DeviceDraft at(DeviceDraft d, int positionU) {
        return new DeviceDraft(d.site(), d.rack(), d.hostname(), d.role(), d.deviceType(), d.platform(), d.serial(),
                d.assetTag(), d.status(), d.face(), positionU, d.tags());
    }

    static DeviceDraft serial(DeviceDraft d, String serial) {
        return new DeviceDraft(d.site(), d.rack(), d.hostname(), d.role(), d.deviceType(), d.platform(), serial,
                d.assetTag(), d.status(), d.face(), d.positionU(), d.tags());
    }

    static DeviceDraft hostname(DeviceDraft d, String hostname) {
        return new DeviceDraft(d.site(), d.rack(), hostname, d.role(), d.deviceType(), d.platform(), d.serial(),
                d.assetTag(), d.status(), d.face(), d.positionU(), d.tags());
    }

    static DeviceDraft type(DeviceDraft d, String deviceType) {
        return new DeviceDraft(d.site(), d.rack(), d.hostname(), d.role(), deviceType, d.platform(), d.serial(),
                d.assetTag(), d.status(), d.face(), d.positionU(), d.tags());
    }

    static CableDraft typeAndLength(CableDraft c, CableType type, String metres) {
        return new CableDraft(c.label(), c.a(), c.b(), type, c.colour(), new BigDecimal(metres), c.status(), c.tags());
    }

    static CableDraft endB(CableDraft c, String device, String port) {
        return new CableDraft(c.label(), c.a(), new CableDraft.End(device, port), c.type(), c.colour(), c.lengthM(),
                c.status(), c.tags());
    }
}
