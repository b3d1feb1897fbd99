package io.ferrum.standards.plan;

import io.ferrum.model.dcim.Cable;
import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.Device;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceType;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.Port;
import io.ferrum.model.dcim.Rack;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.model.dcim.Site;
import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.model.exchange.ExchangeConnection;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.model.ipam.Prefix;
import io.ferrum.model.ipam.PrefixDraft;
import java.util.List;

/** Stored objects as the drafts a standard designs, so the two compare field by field. */
final class DraftsOf {

    private DraftsOf() {
    }

    static SiteDraft site(Site s) {
        return new SiteDraft(s.getCode(), s.getName(), s.getAddress(), s.getTimezone(), s.getStatus(), s.getTags());
    }

    static RackDraft rack(Rack r) {
        return new RackDraft(r.getSite().getCode(), r.getLocation() == null ? null : r.getLocation().getName(),
                r.getName(), r.getHeightU(), r.getPowerBudgetW(), r.getProfile(), r.getTags());
    }

    static DeviceTypeDraft deviceType(DeviceType t) {
        return new DeviceTypeDraft(t.getSlug(), t.getManufacturer().getName(), t.getModel(), t.getUHeight(),
                t.isFullDepth(), t.getTypicalPowerW(), t.getMaxPowerW(), List.copyOf(t.getPortTemplates()));
    }

    static DeviceDraft device(Device d) {
        return new DeviceDraft(d.getSite().getCode(), d.getRack() == null ? null : d.getRack().getName(),
                d.getHostname(), d.getRole(), d.getDeviceType().getSlug(),
                d.getPlatform() == null ? null : d.getPlatform().getName(), d.getSerial(), d.getAssetTag(),
                d.getStatus(), d.getFace(), d.getPositionU(), d.getTags());
    }

    static CableDraft cable(Cable c) {
        return new CableDraft(c.getLabel(), end(c.getAPort()), end(c.getBPort()), c.getType(), c.getColour(),
                c.getLengthM(), c.getStatus(), c.getTags());
    }

    static PrefixDraft prefix(Prefix p) {
        return new PrefixDraft(p.getVrf() == null ? null : p.getVrf().getName(), p.getPrefix(), p.getRole(),
                p.getSite() == null ? null : p.getSite().getCode(), p.getStatus(), p.getDescription(), p.getTags());
    }

    static ExchangeConnectionDraft exchangeConnection(ExchangeConnection c) {
        return new ExchangeConnectionDraft(c.getExchange().getCode(), c.getSite().getCode(), c.getDevice().getHostname(),
                c.getPorts().stream().map(Port::getName).toList(), c.getCircuitId(), c.getKillSwitchGroup(),
                c.getStatus(), c.getDescription(), c.getTags());
    }

    private static CableDraft.End end(Port port) {
        return new CableDraft.End(port.getDevice().getHostname(), port.getName());
    }
}
