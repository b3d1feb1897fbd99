package io.ferrum.standards.plan;

import io.ferrum.model.dcim.CableDraft;
import io.ferrum.model.dcim.DeviceDraft;
import io.ferrum.model.dcim.DeviceTypeDraft;
import io.ferrum.model.dcim.RackDraft;
import io.ferrum.model.dcim.SiteDraft;
import io.ferrum.model.exchange.ExchangeConnectionDraft;
import io.ferrum.model.ipam.PrefixDraft;
import io.ferrum.standards.desired.DesiredSite;
import java.util.ArrayList;
import java.util.List;

/**
 * The work apply has to do for one site, typed so the applier can hand each piece to the model's services, plus the
 * human-readable changes it came from. Built by {@link SiteDiffer}; replacements appear in both a delete and a
 * create list.
 */
final class SiteDiff {

    /** A stored object to change into {@code draft}. */
    record Update<D>(long id, D draft) {
    }

    final DesiredSite desired;
    final List<Change> changes = new ArrayList<>();
    final List<String> blockers = new ArrayList<>();

    final List<DeviceTypeDraft> deviceTypesToCreate = new ArrayList<>();
    final List<Update<DeviceTypeDraft>> deviceTypesToUpdate = new ArrayList<>();
    final List<DesiredSite.ExchangeSpec> exchangesToCreate = new ArrayList<>();
    SiteDraft siteToCreate;
    Update<SiteDraft> siteToUpdate;
    final List<RackDraft> racksToCreate = new ArrayList<>();
    final List<Update<RackDraft>> racksToUpdate = new ArrayList<>();
    final List<Long> racksToDelete = new ArrayList<>();
    final List<PrefixDraft> prefixesToCreate = new ArrayList<>();
    final List<Update<PrefixDraft>> prefixesToUpdate = new ArrayList<>();
    final List<Long> prefixesToDelete = new ArrayList<>();
    final List<DeviceDraft> devicesToCreate = new ArrayList<>();
    final List<Update<DeviceDraft>> devicesToUpdate = new ArrayList<>();
    final List<Long> devicesToDelete = new ArrayList<>();
    final List<CableDraft> cablesToCreate = new ArrayList<>();
    final List<Update<CableDraft>> cablesToUpdate = new ArrayList<>();
    final List<Long> cablesToDelete = new ArrayList<>();
    final List<DesiredSite.PrefixAllocation> allocationsToCreate = new ArrayList<>();
    final List<Long> allocationsToDelete = new ArrayList<>();
    final List<DesiredSite.AsnPoolSpec> asnPoolsToCreate = new ArrayList<>();
    final List<DesiredSite.AsnAllocation> asnsToCreate = new ArrayList<>();
    final List<Long> asnsToDelete = new ArrayList<>();
    final List<DesiredSite.AddressAllocation> addressesToCreate = new ArrayList<>();
    final List<Update<DesiredSite.AddressAllocation>> addressesToUpdate = new ArrayList<>();
    final List<Long> addressesToDelete = new ArrayList<>();
    final List<ExchangeConnectionDraft> connectionsToCreate = new ArrayList<>();
    final List<Update<ExchangeConnectionDraft>> connectionsToUpdate = new ArrayList<>();
    final List<Long> connectionsToDelete = new ArrayList<>();

    SiteDiff(DesiredSite desired) {
        this.desired = desired;
    }

    void change(ChangeAction action, String type, String key, List<AttributeChange> attributes, String reason) {
        changes.add(new Change(action, type, key, attributes, reason));
    }
}
