package io.ferrum.model.ipam;

import inet.ipaddr.IPAddress;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.dcim.DcimLookup;
import jakarta.persistence.EntityManager;
import io.ferrum.model.dcim.Port;
import io.ferrum.model.dcim.PortRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.List;
import java.util.TreeSet;
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
    private final PortRepository ports;
    private final DcimLookup dcim;

    public IpamAllocator(EntityManager entityManager, PrefixRepository prefixes, IpAddressRepository addresses,
                         PortRepository ports, DcimLookup dcim) {
        this.entityManager = entityManager;
        this.prefixes = prefixes;
        this.addresses = addresses;
        this.ports = ports;
        this.dcim = dcim;
    }

    public IpAddress nextAddress(long prefixId, AddressRequest request) {
        return nextAddresses(prefixId, List.of(request)).get(0);
    }

    /**
     * Serves many requests from one prefix under one lock and one look at what is taken, so a standard allocating
     * thousands of addresses does not pay a round trip per address. Answers come back in request order.
     */
    public List<IpAddress> nextAddresses(long prefixId, List<AddressRequest> requests) {
        Prefix prefix = prefixes.findById(prefixId)
                .orElseThrow(() -> IntentException.notFound("prefixId", "no prefix with id " + prefixId));
        lock(prefixId);
        Cidr cidr = prefix.cidr();
        PrefixSpace space = new PrefixSpace(cidr);
        TreeSet<Long> taken = new TreeSet<>();
        for (long offset : addresses.takenOffsets(prefixId)) {
            taken.add(offset);
        }
        Map<String, IpAddress> earlier = new HashMap<>();
        List<String> keys = requests.stream().map(AddressRequest::allocationKey).filter(Objects::nonNull).toList();
        if (!keys.isEmpty()) {
            addresses.findByAllocationKeyIn(keys).forEach(a -> earlier.put(a.getAllocationKey(), a));
        }
        Map<String, Port> portsByName = portsFor(requests);
        List<IpAddress> answers = new ArrayList<>(requests.size());
        List<IpAddress> created = new ArrayList<>();
        for (AddressRequest request : requests) {
            IpAddress known = request.allocationKey() == null ? null : earlier.get(request.allocationKey());
            if (known != null) {
                answers.add(sameParent(known, prefix));
                continue;
            }
            IPAddress host = space.firstAvailableHost(taken.stream().mapToLong(Long::longValue).toArray())
                    .orElseThrow(() -> IntentException.exhausted("prefixId", "prefix " + prefix.displayName()
                            + " has no free address left"));
            taken.add(space.offsetOf(host.toCanonicalString()));
            int mask = Boolean.TRUE.equals(request.hostMask()) ? cidr.bitCount() : cidr.prefixLength();
            IpAddress address = new IpAddress(prefix, host.toCanonicalString() + "/" + mask);
            address.setAllocationKey(request.allocationKey());
            if (request.device() != null || request.port() != null) {
                Port port = portsByName.get(request.device() + ":" + request.port());
                if (port == null) {
                    throw IntentException.invalid("port", "port '" + request.port() + "' on device '" + request.device()
                            + "' does not exist");
                }
                address.setPort(port);
            }
            address.setDnsName(request.dnsName());
            address.setDescription(request.description());
            answers.add(address);
            created.add(address);
        }
        addresses.saveAll(created);
        return answers;
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

    /** The ports the requests assign addresses to, in one query rather than one per address. */
    private Map<String, Port> portsFor(List<AddressRequest> requests) {
        Set<String> hostnames = new HashSet<>();
        requests.stream().map(AddressRequest::device).filter(Objects::nonNull).forEach(hostnames::add);
        Map<String, Port> byName = new HashMap<>();
        if (!hostnames.isEmpty()) {
            ports.findOnDevices(hostnames).forEach(p -> byName.put(p.getDevice().getHostname() + ":" + p.getName(), p));
        }
        return byName;
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
