package io.ferrum.model.ipam;

import inet.ipaddr.IPAddress;
import io.ferrum.model.changelog.ChangeContext;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.TransactionLocks;
import io.ferrum.model.dcim.DcimLookup;
import jakarta.persistence.EntityManager;
import io.ferrum.model.dcim.Port;
import io.ferrum.model.dcim.PortRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.List;
import java.util.TreeSet;
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
    private final TransactionLocks locks;
    private final PrefixRepository prefixes;
    private final IpAddressRepository addresses;
    private final PortRepository ports;
    private final DcimLookup dcim;
    /**
     * Per prefix, an offset below which every usable host was taken when this node last allocated from it. Filling a
     * prefix, each batch read every taken offset (10,000 rows for the 10,000th address) and searched from the
     * bottom; with the mark it counts the rows below it in the database (a row that was freed since shows as a
     * shortfall, and the whole prefix is read as before) and reads only those above. A hint, checked each time: a
     * wrong one (a rolled-back batch, another node's deletes) costs a full read, never a wrong answer.
     */
    private final Map<Long, Long> fullBelow = new java.util.concurrent.ConcurrentHashMap<>();

    public IpamAllocator(EntityManager entityManager, TransactionLocks locks, PrefixRepository prefixes,
                         IpAddressRepository addresses,
                         PortRepository ports, DcimLookup dcim) {
        this.entityManager = entityManager;
        this.locks = locks;
        this.prefixes = prefixes;
        this.addresses = addresses;
        this.ports = ports;
        this.dcim = dcim;
    }

    public IpAddress nextAddress(long prefixId, AddressRequest request) {
        return nextAddresses(prefixId, List.of(request)).get(0);
    }

    public List<IpAddress> nextAddresses(long prefixId, List<AddressRequest> requests) {
        return nextAddresses(Map.of(prefixId, requests)).get(prefixId);
    }

    /**
     * Serves many requests from many prefixes at once: each prefix locked (in id order, so concurrent callers cannot
     * deadlock), what is taken read in one query, earlier answers by allocation key in one query, the ports assigned
     * to in one query. A standard allocating thousands of addresses thus pays a handful of round trips, not a few
     * per address. Answers come back per prefix in request order.
     */
    public Map<Long, List<IpAddress>> nextAddresses(Map<Long, List<AddressRequest>> requestsByPrefix) {
        Answers answers = answer(requestsByPrefix);
        addresses.saveAll(answers.created());
        // Written now, so a later allocation from these prefixes in the same transaction sees them as taken.
        entityManager.flush();
        return answers.byPrefix();
    }

    /**
     * One address per request from one prefix, as {@link #nextAddresses(long, List)}, but each new address written
     * under its own caller's {@link ChangeContext.Actor}: the path of {@link AddressAllocationQueue}, where one
     * transaction serves many callers and the change log must still say who asked for what.
     */
    public List<IpAddress> nextAddressesActing(long prefixId, List<AddressRequest> requests,
                                               List<ChangeContext.Actor> actors) {
        if (requests.size() != actors.size()) {
            throw new IllegalArgumentException(requests.size() + " requests but " + actors.size() + " actors");
        }
        Answers answers = answer(Map.of(prefixId, requests));
        List<IpAddress> answered = answers.byPrefix().get(prefixId);
        Set<IpAddress> created = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        created.addAll(answers.created());
        for (int i = 0; i < answered.size(); i++) {
            if (created.contains(answered.get(i))) {
                // the change log reads the actor when the insert is flushed, so each insert is flushed in its scope
                try (ChangeContext.Scope scope = ChangeContext.open(actors.get(i))) {
                    entityManager.persist(answered.get(i));
                    entityManager.flush();
                }
            }
        }
        return answered;
    }

    /** Answers per prefix in request order, and which of them are new (not yet saved). */
    private record Answers(Map<Long, List<IpAddress>> byPrefix, List<IpAddress> created) {
    }

    private Answers answer(Map<Long, List<AddressRequest>> requestsByPrefix) {
        List<Long> ids = requestsByPrefix.keySet().stream().sorted().toList();
        Map<Long, Prefix> prefixById = new HashMap<>();
        prefixes.findAllById(ids).forEach(p -> prefixById.put(p.getId(), p));
        for (long id : ids) {
            if (!prefixById.containsKey(id)) {
                throw IntentException.notFound("prefixId", "no prefix with id " + id);
            }
            locks.lock(id);
        }
        Map<Long, TreeSet<Long>> taken = new HashMap<>();
        // per prefix: below this offset nothing is free any more (each allocation takes the lowest free host)
        Map<Long, Long> searchFrom = new HashMap<>();
        List<Long> readWhole = new ArrayList<>();
        for (long id : ids) {
            taken.put(id, new TreeSet<>());
            long first = new PrefixSpace(prefixById.get(id).cidr()).firstUsableOffset();
            // only for one prefix (the REST queue's batches): a standard's batch over hundreds of prefixes reads them
            // all in the one query below, cheaper than two queries per prefix
            Long mark = ids.size() == 1 ? fullBelow.get(id) : null;
            if (mark != null && mark > first && addresses.countTakenBetween(id, first, mark) == mark - first) {
                // still true (nothing below the mark was freed since): read only what lies above it
                taken.get(id).addAll(addresses.takenOffsetsFrom(id, mark));
                searchFrom.put(id, mark);
            } else {
                readWhole.add(id);
            }
        }
        if (!readWhole.isEmpty()) {
            for (Object[] row : addresses.takenOffsets(readWhole)) {
                taken.get(((Number) row[0]).longValue()).add(((Number) row[1]).longValue());
            }
        }
        List<AddressRequest> all = requestsByPrefix.values().stream().flatMap(List::stream).toList();
        Map<String, IpAddress> earlier = new HashMap<>();
        List<String> keys = all.stream().map(AddressRequest::allocationKey).filter(Objects::nonNull).toList();
        if (!keys.isEmpty()) {
            addresses.findByAllocationKeyIn(keys).forEach(a -> earlier.put(a.getAllocationKey(), a));
        }
        Map<String, Port> portsByName = portsFor(all);
        Map<Long, List<IpAddress>> answers = new LinkedHashMap<>();
        List<IpAddress> created = new ArrayList<>();
        for (var entry : requestsByPrefix.entrySet()) {
            Prefix prefix = prefixById.get(entry.getKey());
            List<IpAddress> answered = new ArrayList<>();
            for (AddressRequest request : entry.getValue()) {
                IpAddress known = request.allocationKey() == null ? null : earlier.get(request.allocationKey());
                if (known != null) {
                    answered.add(sameParent(known, prefix));
                    continue;
                }
                IpAddress address = allocate(prefix, taken.get(prefix.getId()), searchFrom, request, portsByName);
                if (request.allocationKey() != null) {
                    // a second request with the same key in this batch gets this answer, as it would after commit
                    earlier.put(request.allocationKey(), address);
                }
                answered.add(address);
                created.add(address);
            }
            answers.put(entry.getKey(), answered);
        }
        searchFrom.forEach(fullBelow::put);
        return new Answers(answers, created);
    }

    private static IpAddress allocate(Prefix prefix, TreeSet<Long> taken, Map<Long, Long> searchFrom,
                                      AddressRequest request, Map<String, Port> portsByName) {
        Cidr cidr = prefix.cidr();
        PrefixSpace space = new PrefixSpace(cidr);
        IPAddress host = space.firstAvailableHost(taken, searchFrom.getOrDefault(prefix.getId(), 0L))
                .orElseThrow(() -> IntentException.exhausted("prefixId", "prefix " + prefix.displayName()
                        + " has no free address left"));
        long offset = space.offsetOf(host.toCanonicalString());
        taken.add(offset);
        searchFrom.put(prefix.getId(), offset + 1);
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
        return address;
    }

    public Prefix nextPrefix(long parentId, PrefixRequest request) {
        return nextPrefixes(parentId, List.of(request)).get(0);
    }

    /** Carves many children from one parent under one lock and one look at what is already carved. */
    public List<Prefix> nextPrefixes(long parentId, List<PrefixRequest> requests) {
        Prefix parent = prefixes.findById(parentId)
                .orElseThrow(() -> IntentException.notFound("prefixId", "no prefix with id " + parentId));
        locks.lock(parentId);
        Map<String, Prefix> earlier = new HashMap<>();
        List<String> keys = requests.stream().map(PrefixRequest::allocationKey).filter(Objects::nonNull).toList();
        if (!keys.isEmpty()) {
            prefixes.findByAllocationKeyIn(keys).forEach(p -> earlier.put(p.getAllocationKey(), p));
        }
        Cidr cidr = parent.cidr();
        PrefixSpace space = new PrefixSpace(cidr);
        List<Cidr> children = new ArrayList<>(prefixes.findInside(parent.getVrf() == null ? null
                : parent.getVrf().getId(), cidr.toString()).stream().map(Prefix::cidr).toList());
        List<Prefix> answers = new ArrayList<>();
        List<Prefix> created = new ArrayList<>();
        for (PrefixRequest request : requests) {
            Prefix known = request.allocationKey() == null ? null : earlier.get(request.allocationKey());
            if (known != null) {
                answers.add(known);
                continue;
            }
            Cidr free;
            try {
                free = space.firstAvailableChild(request.length(), children)
                        .orElseThrow(() -> IntentException.exhausted("length", "prefix " + parent.displayName()
                                + " has no free /" + request.length() + " left"));
            } catch (IllegalArgumentException e) {
                throw IntentException.invalid("length", e.getMessage());
            }
            children.add(free);
            Prefix child = new Prefix(parent.getVrf(), free.toString(),
                    request.role() == null ? parent.getRole() : request.role());
            child.setAllocationKey(request.allocationKey());
            child.setDescription(request.description());
            child.setSite(request.site() == null ? parent.getSite() : dcim.site(request.site(), "site"));
            answers.add(child);
            created.add(child);
        }
        prefixes.saveAll(created);
        entityManager.flush();
        return answers;
    }

    /** The ports the requests assign addresses to, in one query rather than one per address. */
    private Map<String, Port> portsFor(List<AddressRequest> requests) {
        Set<String> hostnames = new HashSet<>();
        Set<String> names = new HashSet<>();
        requests.stream().filter(r -> r.device() != null && r.port() != null).forEach(r -> {
            hostnames.add(r.device());
            names.add(r.port());
        });
        Map<String, Port> byName = new HashMap<>();
        if (!hostnames.isEmpty()) {
            ports.findNamedOnDevices(hostnames, names)
                    .forEach(p -> byName.put(p.getDevice().getHostname() + ":" + p.getName(), p));
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

}
