package io.ferrum.standards.plan;

import io.ferrum.model.common.FieldProblem;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.TransactionLocks;
import io.ferrum.model.dcim.CableService;
import io.ferrum.model.dcim.DeviceService;
import io.ferrum.model.dcim.DeviceTypeService;
import io.ferrum.model.dcim.RackService;
import io.ferrum.model.dcim.SiteService;
import io.ferrum.model.exchange.ExchangeService;
import io.ferrum.model.ipam.AddressRequest;
import io.ferrum.model.ipam.AsnPoolRepository;
import io.ferrum.model.ipam.AsnService;
import io.ferrum.model.ipam.Cidr;
import io.ferrum.model.ipam.IpAddress;
import io.ferrum.model.ipam.IpAddressService;
import io.ferrum.model.ipam.IpamAllocator;
import io.ferrum.model.ipam.Prefix;
import io.ferrum.model.ipam.PrefixRepository;
import io.ferrum.model.ipam.PrefixRequest;
import io.ferrum.model.ipam.PrefixService;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.policy.PolicyChecks;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a site's plan in one transaction, through the model's own services so every model rule holds. The site is
 * locked while it is planned again inside the transaction; if that plan's id differs from the one the caller
 * reviewed, nothing is written.
 */
@Service
public class PlanApplier {

    private final SiteDiffer differ;
    private final PolicyChecks policy;
    private final EntityManager entityManager;
    private final TransactionLocks locks;
    private final DeviceTypeService deviceTypes;
    private final ExchangeService exchanges;
    private final SiteService sites;
    private final RackService racks;
    private final PrefixService prefixService;
    private final PrefixRepository prefixes;
    private final DeviceService devices;
    private final CableService cables;
    private final IpamAllocator allocator;
    private final IpAddressService addresses;
    private final AsnService asns;
    private final AsnPoolRepository asnPools;

    public PlanApplier(SiteDiffer differ, PolicyChecks policy, EntityManager entityManager, TransactionLocks locks,
                       DeviceTypeService deviceTypes, ExchangeService exchanges, SiteService sites, RackService racks,
                       PrefixService prefixService, PrefixRepository prefixes, DeviceService devices,
                       CableService cables, IpamAllocator allocator, IpAddressService addresses, AsnService asns,
                       AsnPoolRepository asnPools) {
        this.differ = differ;
        this.policy = policy;
        this.entityManager = entityManager;
        this.locks = locks;
        this.deviceTypes = deviceTypes;
        this.exchanges = exchanges;
        this.sites = sites;
        this.racks = racks;
        this.prefixService = prefixService;
        this.prefixes = prefixes;
        this.devices = devices;
        this.cables = cables;
        this.allocator = allocator;
        this.addresses = addresses;
        this.asns = asns;
        this.asnPools = asnPools;
    }

    /**
     * @param expectedPlanId the id of the plan the caller reviewed, or null to apply whatever the plan is now
     *                       (the CLI's --auto-approve)
     * @return the plan that was applied
     */
    @Transactional
    public Plan apply(DesiredSite desired, PlanOptions options, String expectedPlanId) {
        locks.lock("site:" + desired.site().code());
        SiteDiff diff = differ.diff(desired, options);
        Plan plan = Planner.planOf(diff, policy.run(desired));
        if (expectedPlanId != null && !expectedPlanId.equals(plan.id())) {
            throw new IntentException(IntentException.Reason.STALE, List.of(new FieldProblem("planId",
                    "the intent of site " + desired.site().code() + " changed since plan " + expectedPlanId
                            + " was made; plan again and review the new plan " + plan.id())));
        }
        if (!plan.applicable()) {
            List<FieldProblem> problems = new ArrayList<>();
            plan.violations().forEach(v -> problems.add(new FieldProblem("policy." + v.check(), v.object() + ": " + v.message())));
            plan.blockers().forEach(b -> problems.add(new FieldProblem("plan", b)));
            throw new IntentException(IntentException.Reason.INVALID, problems);
        }
        if (plan.hasChanges()) {
            deleteWhatGoes(diff);
            createAndUpdate(diff);
            entityManager.flush();
        }
        return plan;
    }

    private void deleteWhatGoes(SiteDiff diff) {
        diff.connectionsToDelete.forEach(id -> exchanges.delete(id));
        diff.addressesToDelete.forEach(id -> addresses.delete(id));
        diff.asnsToDelete.forEach(id -> asns.delete(id));
        diff.cablesToDelete.forEach(id -> cables.delete(id));
        entityManager.flush();
        diff.devicesToDelete.forEach(id -> devices.delete(id));
        diff.allocationsToDelete.forEach(id -> prefixService.delete(id));
        diff.prefixesToDelete.forEach(id -> prefixService.delete(id));
        diff.racksToDelete.forEach(id -> racks.delete(id));
        // Hibernate would insert before it deletes; replacements reuse names, so the deletes must reach the database first.
        entityManager.flush();
    }

    private void createAndUpdate(SiteDiff diff) {
        diff.deviceTypesToCreate.forEach(deviceTypes::create);
        diff.deviceTypesToUpdate.forEach(u -> deviceTypes.update(u.id(), u.draft()));
        diff.exchangesToCreate.forEach(e -> exchanges.createExchange(e.code(), e.name()));
        if (diff.siteToCreate != null) {
            sites.create(diff.siteToCreate);
        }
        if (diff.siteToUpdate != null) {
            sites.update(diff.siteToUpdate.id(), diff.siteToUpdate.draft());
        }
        if (!diff.racksToCreate.isEmpty()) {
            racks.createAll(diff.racksToCreate);
        }
        diff.racksToUpdate.forEach(u -> racks.update(u.id(), u.draft()));
        diff.prefixesToCreate.forEach(prefixService::create);
        diff.prefixesToUpdate.forEach(u -> prefixService.update(u.id(), u.draft()));
        diff.devicesToUpdate.forEach(u -> devices.update(u.id(), u.draft()));
        if (!diff.devicesToCreate.isEmpty()) {
            devices.createAll(diff.devicesToCreate);
        }
        diff.cablesToUpdate.forEach(u -> cables.update(u.id(), u.draft()));
        if (!diff.cablesToCreate.isEmpty()) {
            cables.createAll(diff.cablesToCreate);
        }
        // Thousands of new devices, ports and cables would otherwise be dirty-checked at every later query's
        // auto-flush; write them and let the session forget them.
        entityManager.flush();
        entityManager.clear();
        allocatePrefixes(diff.allocationsToCreate);
        diff.asnPoolsToCreate.forEach(p -> asns.createPool(p.name(), p.rangeStart(), p.rangeEnd()));
        Map<String, List<AsnService.AsnRequest>> asnsByPool = new LinkedHashMap<>();
        diff.asnsToCreate.forEach(a -> asnsByPool.computeIfAbsent(a.pool(), p -> new ArrayList<>())
                .add(new AsnService.AsnRequest(a.key(), a.description())));
        asnsByPool.forEach((pool, requests) -> asns.nextAll(asnPools.findByName(pool).orElseThrow(() ->
                IntentException.invalid("asns", "ASN pool " + pool + " does not exist")).getId(), requests));
        allocateAddresses(diff.addressesToCreate);
        for (SiteDiff.Update<DesiredSite.AddressAllocation> update : diff.addressesToUpdate) {
            DesiredSite.AddressAllocation a = update.draft();
            IpAddress stored = addresses.get(update.id());
            addresses.update(update.id(), new io.ferrum.model.ipam.IpAddressDraft(null, null, null, a.device(), a.port(),
                    a.dnsName(), stored.getStatus(), stored.getDescription(), stored.getTags()));
            if (a.primary()) {
                addresses.makePrimary(update.id());
            }
        }
        diff.connectionsToUpdate.forEach(u -> exchanges.update(u.id(), u.draft()));
        diff.connectionsToCreate.forEach(exchanges::create);
    }

    /**
     * Parents first: an allocation may be carved from another allocation made in the same apply. Each wave carves
     * all children of one parent in one call, in the standard's order.
     */
    private void allocatePrefixes(List<DesiredSite.PrefixAllocation> wanted) {
        List<DesiredSite.PrefixAllocation> pending = new ArrayList<>(wanted);
        while (!pending.isEmpty()) {
            Map<Long, List<DesiredSite.PrefixAllocation>> byParent = new LinkedHashMap<>();
            Map<String, Prefix> pools = pools(pending.stream().map(DesiredSite.PrefixAllocation::parent).toList());
            for (DesiredSite.PrefixAllocation allocation : pending) {
                Prefix parent = pools.get(allocation.parent());
                if (parent != null) {
                    byParent.computeIfAbsent(parent.getId(), id -> new ArrayList<>()).add(allocation);
                }
            }
            if (byParent.isEmpty()) {
                throw IntentException.invalid("prefixAllocations", "no prefix " + pending.get(0).parent()
                        + " to carve " + pending.get(0).key() + " from");
            }
            byParent.forEach((parentId, children) -> allocator.nextPrefixes(parentId, children.stream()
                    .map(a -> new PrefixRequest(a.length(), a.key(), a.role(), null, a.description())).toList()));
            byParent.values().forEach(pending::removeAll);
        }
    }

    private void allocateAddresses(List<DesiredSite.AddressAllocation> wanted) {
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Prefix> pools = pools(wanted.stream().map(DesiredSite.AddressAllocation::pool).toList());
        Map<Long, List<AddressRequest>> requests = new LinkedHashMap<>();
        Map<Long, List<DesiredSite.AddressAllocation>> allocations = new LinkedHashMap<>();
        for (DesiredSite.AddressAllocation a : wanted) {
            Prefix pool = pools.get(a.pool());
            if (pool == null) {
                throw IntentException.invalid("addresses", "no prefix " + a.pool() + " to take addresses from");
            }
            requests.computeIfAbsent(pool.getId(), id -> new ArrayList<>())
                    .add(new AddressRequest(a.key(), a.hostMask(), a.device(), a.port(), a.dnsName(), null));
            allocations.computeIfAbsent(pool.getId(), id -> new ArrayList<>()).add(a);
        }
        Map<Long, List<IpAddress>> allocated = allocator.nextAddresses(requests);
        allocated.forEach((poolId, addressList) -> {
            for (int i = 0; i < addressList.size(); i++) {
                if (allocations.get(poolId).get(i).primary()) {
                    addresses.makePrimary(addressList.get(i).getId());
                }
            }
        });
        entityManager.flush();
        entityManager.clear();
    }

    /** Pools named by CIDR (supernets in the global table) or by allocation key, in two queries at most per kind. */
    private Map<String, Prefix> pools(List<String> names) {
        Map<String, Prefix> found = new java.util.HashMap<>();
        List<String> keys = new ArrayList<>();
        for (String name : new java.util.LinkedHashSet<>(names)) {
            Prefix supernet = cidrPool(name);
            if (supernet != null) {
                found.put(name, supernet);
            } else {
                keys.add(name);
            }
        }
        if (!keys.isEmpty()) {
            prefixes.findByAllocationKeyIn(keys).forEach(p -> found.put(p.getAllocationKey(), p));
        }
        return found;
    }

    /** A pool named by CIDR (a supernet in the global table), or null when the name is an allocation key. */
    private Prefix cidrPool(String name) {
        if (name.contains("/") && Character.isDigit(name.charAt(0)) || name.contains(":") && name.contains("/")) {
            try {
                return prefixes.findExact(null, Cidr.parse(name).toString()).orElse(null);
            } catch (IllegalArgumentException notACidr) {
                // falls through: keys such as ams1/r01/server also contain slashes
            }
        }
        return null;
    }
}
