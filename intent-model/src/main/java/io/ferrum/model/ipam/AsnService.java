package io.ferrum.model.ipam;

import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.Problems;
import io.ferrum.model.common.TransactionLocks;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ASN pools and allocation from them, serialised per pool and idempotent by allocation key. */
@Service
@Transactional
public class AsnService {

    private final AsnPoolRepository pools;
    private final AsnRepository asns;
    private final EntityManager entityManager;
    private final TransactionLocks locks;

    public AsnService(AsnPoolRepository pools, AsnRepository asns, EntityManager entityManager,
                      TransactionLocks locks) {
        this.pools = pools;
        this.asns = asns;
        this.entityManager = entityManager;
        this.locks = locks;
    }

    public AsnPool createPool(String name, Long rangeStart, Long rangeEnd) {
        new Problems().check(name != null && !name.isBlank(), "name", "is required")
                .check(rangeStart != null && rangeStart >= 1 && rangeStart <= 4294967295L, "rangeStart",
                        "expected an AS number from 1 to 4294967295")
                .check(rangeEnd != null && rangeEnd >= 1 && rangeEnd <= 4294967295L, "rangeEnd",
                        "expected an AS number from 1 to 4294967295")
                .check(rangeStart == null || rangeEnd == null || rangeStart <= rangeEnd, "rangeEnd",
                        "must not be below rangeStart")
                .throwIfAny();
        pools.findByName(name).ifPresent(p -> {
            throw IntentException.conflict("name", "ASN pool " + name + " already exists");
        });
        return pools.save(new AsnPool(name, rangeStart, rangeEnd));
    }

    public Asn next(long poolId, String allocationKey, String description) {
        return nextAll(poolId, List.of(new AsnRequest(allocationKey, description))).get(0);
    }

    /** One AS number to take, by key. */
    public record AsnRequest(String allocationKey, String description) {
    }

    /** Serves many requests from one pool under one lock; idempotent per allocation key; answers in request order. */
    public List<Asn> nextAll(long poolId, List<AsnRequest> requests) {
        AsnPool pool = pools.findById(poolId)
                .orElseThrow(() -> IntentException.notFound("poolId", "no ASN pool with id " + poolId));
        locks.lock(poolId);
        java.util.Map<String, Asn> earlier = new java.util.HashMap<>();
        List<String> keys = requests.stream().map(AsnRequest::allocationKey).filter(java.util.Objects::nonNull).toList();
        if (!keys.isEmpty()) {
            asns.findByAllocationKeyIn(keys).forEach(a -> earlier.put(a.getAllocationKey(), a));
        }
        // numbers another (overlapping) pool gave out are taken too: the database holds each AS number once
        Set<Long> taken = new HashSet<>(asns.takenBetween(pool.getRangeStart(), pool.getRangeEnd()));
        List<Asn> answers = new java.util.ArrayList<>();
        List<Asn> created = new java.util.ArrayList<>();
        long candidate = pool.getRangeStart();
        for (AsnRequest request : requests) {
            Asn known = request.allocationKey() == null ? null : earlier.get(request.allocationKey());
            if (known != null) {
                answers.add(known);
                continue;
            }
            while (candidate <= pool.getRangeEnd() && taken.contains(candidate)) {
                candidate++;
            }
            if (candidate > pool.getRangeEnd()) {
                throw IntentException.exhausted("poolId", "ASN pool " + pool.getName() + " has no free AS number left");
            }
            Asn asn = new Asn(pool, candidate, request.allocationKey());
            asn.setDescription(request.description());
            taken.add(candidate);
            answers.add(asn);
            created.add(asn);
        }
        asns.saveAll(created);
        entityManager.flush();
        return answers;
    }

    public void delete(long id) {
        asns.delete(asns.findById(id).orElseThrow(() -> IntentException.notFound("id", "no ASN with id " + id)));
    }

    @Transactional(readOnly = true)
    public List<Asn> allocated(long poolId) {
        AsnPool pool = pools.findById(poolId)
                .orElseThrow(() -> IntentException.notFound("poolId", "no ASN pool with id " + poolId));
        return asns.findByPoolOrderByAsn(pool);
    }
}
