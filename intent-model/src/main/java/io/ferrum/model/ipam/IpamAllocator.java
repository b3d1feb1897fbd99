package io.ferrum.model.ipam;

import inet.ipaddr.IPAddress;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.DcimLookup;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path for allocation: lock the parent (a PostgreSQL advisory lock held until commit), return the
 * earlier answer for a known allocation key, else take the first free space. Concurrent callers queue on the lock,
 * so they never receive the same address; the unique index on addresses is the last line of defence.
 */
@Service
@Transactional
public class IpamAllocator {

    private final EntityManager entityManager;
    private final PrefixRepository prefixes;
    private final IpAddressRepository addresses;
    private final IpAddressService addressService;
    private final DcimLookup dcim;

    public IpamAllocator(EntityManager entityManager, PrefixRepository prefixes, IpAddressRepository addresses,
                         IpAddressService addressService, DcimLookup dcim) {
        this.entityManager = entityManager;
        this.prefixes = prefixes;
        this.addresses = addresses;
        this.addressService = addressService;
        this.dcim = dcim;
    }

    public IpAddress nextAddress(long prefixId, AddressRequest request) {
        Prefix prefix = prefixes.findById(prefixId)
                .orElseThrow(() -> IntentException.notFound("prefixId", "no prefix with id " + prefixId));
        lock(prefixId);
        if (request.allocationKey() != null) {
            Optional<IpAddress> earlier = addresses.findByAllocationKey(request.allocationKey());
            if (earlier.isPresent()) {
                return sameParent(earlier.get(), prefix);
            }
        }
        Cidr cidr = prefix.cidr();
        IPAddress host = new PrefixSpace(cidr).firstAvailableHost(addresses.takenOffsets(prefixId))
                .orElseThrow(() -> IntentException.exhausted("prefixId", "prefix " + prefix.displayName()
                        + " has no free address left"));
        int mask = Boolean.TRUE.equals(request.hostMask()) ? cidr.bitCount() : cidr.prefixLength();
        IpAddress address = new IpAddress(prefix, host.toCanonicalString() + "/" + mask);
        address.setAllocationKey(request.allocationKey());
        addressService.apply(address, new IpAddressDraft(null, null, null, request.device(), request.port(),
                request.dnsName(), null, request.description(), List.of()));
        return addresses.save(address);
    }

    public Prefix nextPrefix(long parentId, PrefixRequest request) {
        Prefix parent = prefixes.findById(parentId)
                .orElseThrow(() -> IntentException.notFound("prefixId", "no prefix with id " + parentId));
        lock(parentId);
        if (request.allocationKey() != null) {
            Optional<Prefix> earlier = prefixes.findByAllocationKey(request.allocationKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Cidr cidr = parent.cidr();
        List<Cidr> children = prefixes.findInside(parent.getVrf() == null ? null : parent.getVrf().getId(), cidr.toString())
                .stream().map(Prefix::cidr).toList();
        Cidr free;
        try {
            free = new PrefixSpace(cidr).firstAvailableChild(request.length(), children)
                    .orElseThrow(() -> IntentException.exhausted("length", "prefix " + parent.displayName()
                            + " has no free /" + request.length() + " left"));
        } catch (IllegalArgumentException e) {
            throw IntentException.invalid("length", e.getMessage());
        }
        Prefix child = new Prefix(parent.getVrf(), free.toString(), request.role() == null ? parent.getRole() : request.role());
        child.setAllocationKey(request.allocationKey());
        child.setDescription(request.description());
        child.setSite(request.site() == null ? parent.getSite() : dcim.site(request.site(), "site"));
        return prefixes.save(child);
    }

    private IpAddress sameParent(IpAddress earlier, Prefix prefix) {
        if (!earlier.getPrefix().getId().equals(prefix.getId())) {
            throw IntentException.conflict("allocationKey", "key " + earlier.getAllocationKey() + " already holds "
                    + earlier.getAddress() + " in prefix " + earlier.getPrefix().displayName());
        }
        return earlier;
    }

    /** Serialises allocations per parent; the lock key is the id, unique across all intent objects. */
    private void lock(long id) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:id)").setParameter("id", id).getSingleResult();
    }
}
