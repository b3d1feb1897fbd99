package io.ferrum.standards.plan;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.ipam.AddressRequest;
import io.ferrum.model.ipam.IpAddress;
import io.ferrum.model.ipam.IpAddressRepository;
import io.ferrum.model.ipam.IpAddressService;
import io.ferrum.model.ipam.IpamAllocator;
import io.ferrum.model.ipam.Prefix;
import io.ferrum.standards.desired.DesiredSite;
import io.ferrum.standards.desired.DesiredSite.AddressAllocation;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Addresses taken from a pool by allocation key and assigned to a device's port; the address itself never
 * changes, its assignment, DNS name and being the device's primary address may.
 */
@Component
class IpAddressKind extends KindPlanner<AddressAllocation, IpAddress> {

    private final IpAddressRepository addresses;
    private final IpAddressService service;
    private final IpamAllocator allocator;
    private final IpamPools pools;
    private final EntityManager entityManager;

    IpAddressKind(IpAddressRepository addresses, IpAddressService service, IpamAllocator allocator, IpamPools pools,
                  EntityManager entityManager) {
        this.addresses = addresses;
        this.service = service;
        this.allocator = allocator;
        this.pools = pools;
        this.entityManager = entityManager;
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.IP_ADDRESS;
    }

    @Override
    List<AddressAllocation> designed(DesiredSite desired) {
        return desired.addresses();
    }

    @Override
    String key(AddressAllocation designed) {
        return designed.key();
    }

    @Override
    Map<String, IpAddress> stored(PlanScope scope, List<AddressAllocation> designed,
                                  KindWork<AddressAllocation> work) {
        return index(addresses.findKeyedFetched(scope.code() + "/"), IpAddress::getAllocationKey);
    }

    @Override
    List<AttributeChange> created(AddressAllocation designed) {
        return List.of(new AttributeChange("pool", null, designed.pool()),
                new AttributeChange("assigned", null, designed.device() + ":" + designed.port()),
                new AttributeChange("address", null, "(known after apply)"));
    }

    @Override
    void compare(AddressAllocation designed, IpAddress stored, String key, KindWork<AddressAllocation> work,
                 PlanScope scope) {
        String assigned = stored.getPort() == null ? null
                : stored.getPort().getDevice().getHostname() + ":" + stored.getPort().getName();
        String wantedAssignment = designed.device() == null ? null : designed.device() + ":" + designed.port();
        List<AttributeChange> changed = new ArrayList<>();
        if (!Objects.equals(assigned, wantedAssignment)) {
            changed.add(new AttributeChange("assigned", assigned, wantedAssignment));
        }
        if (!Objects.equals(stored.getDnsName(), designed.dnsName())) {
            changed.add(new AttributeChange("dnsName", stored.getDnsName(), designed.dnsName()));
        }
        if (designed.primary() && !isPrimary(stored, designed.device(), scope)) {
            changed.add(new AttributeChange("primary", "false", "true"));
        }
        if (!changed.isEmpty()) {
            work.update(stored.getId(), designed, key + " " + stored.getAddress(), changed, null);
        }
    }

    @Override
    boolean deletes(IpAddress stored, PlanScope scope) {
        return true;
    }

    @Override
    void delete(IpAddress stored, String key, KindWork<AddressAllocation> work, PlanScope scope) {
        work.delete(stored.getId(), key, List.of(new AttributeChange("address", stored.getAddress(), null)),
                NOT_DESIGNED);
    }

    @Override
    void deleteAll(List<Long> ids) {
        ids.forEach(service::delete);
    }

    @Override
    void write(KindWork<AddressAllocation> work) {
        allocate(work.creates);
        for (KindWork.Update<AddressAllocation> update : work.updates) {
            AddressAllocation a = update.design();
            service.assign(update.id(), a.device(), a.port(), a.dnsName());
            if (a.primary()) {
                service.makePrimary(update.id());
            }
        }
    }

    private void allocate(List<AddressAllocation> wanted) {
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Prefix> byName = pools.byName(wanted.stream().map(AddressAllocation::pool).toList());
        Map<Long, List<AddressRequest>> requests = new LinkedHashMap<>();
        Map<Long, List<AddressAllocation>> allocations = new LinkedHashMap<>();
        for (AddressAllocation a : wanted) {
            Prefix pool = byName.get(a.pool());
            if (pool == null) {
                throw IntentException.invalid("addresses", "no prefix " + a.pool() + " to take addresses from");
            }
            requests.computeIfAbsent(pool.getId(), id -> new ArrayList<>())
                    .add(new AddressRequest(a.key(), a.hostMask(), a.device(), a.port(), a.dnsName(), null));
            allocations.computeIfAbsent(pool.getId(), id -> new ArrayList<>()).add(a);
        }
        allocator.nextAddresses(requests).forEach((poolId, addressList) -> {
            for (int i = 0; i < addressList.size(); i++) {
                if (allocations.get(poolId).get(i).primary()) {
                    service.makePrimary(addressList.get(i).getId());
                }
            }
        });
        entityManager.flush();
        entityManager.clear();
    }

    private static boolean isPrimary(IpAddress address, String hostname, PlanScope scope) {
        return hostname != null && address.getId().equals(scope.primaryAddressIds().get(hostname));
    }
}
