package io.ferrum.model.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class IpamAllocatorConcurrencyTest {

    private static final int THREADS = 8;
    private static final int EACH = 25;

    @Autowired
    PrefixService prefixes;
    @Autowired
    IpamAllocator allocator;
    @Autowired
    IpAddressRepository addresses;
    @Autowired
    IpAddressService ipAddresses;

    /**
     * Distinctness, not volume: enough threads racing on one prefix to interleave on its lock. Throughput is measured
     * by IpamAllocationBenchmark (BENCHMARKS.md), never here.
     */
    @Test
    void concurrentThreadsAllocateDistinctAddressesInsideTheirPrefix() throws Exception {
        Prefix pool = prefixes.create(new PrefixDraft(null, "10.96.0.0/20", PrefixRole.SERVER, null, null, "pool", null));
        Cidr cidr = pool.cidr();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(threads.submit(() -> {
                for (int i = 0; i < EACH; i++) {
                    IpAddress address = allocator.nextAddress(pool.getId(), AddressRequest.keyed("t" + thread + "/" + i));
                    seen.add(address.host());
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        threads.shutdown();

        assertThat(seen).hasSize(THREADS * EACH);
        List<IpAddress> stored = addresses.findAll().stream().filter(a -> a.getPrefix().getId().equals(pool.getId())).toList();
        assertThat(stored).hasSize(THREADS * EACH);
        for (IpAddress address : stored) {
            IPAddress host = Cidr.parseHost(address.host());
            assertThat(cidr.containsHost(host)).as(address.getAddress()).isTrue();
        }
    }

    @Test
    void sameAllocationKeyGivesTheSameAddress() {
        Prefix loopbacks = prefixes.create(new PrefixDraft(null, "10.255.0.0/24", PrefixRole.LOOPBACK, null, null, null, null));
        var request = new AddressRequest("ams1/leaf01/loopback", true, null, null, null, null);
        IpAddress first = allocator.nextAddress(loopbacks.getId(), request);
        IpAddress again = allocator.nextAddress(loopbacks.getId(), request);
        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(first.getAddress()).isEqualTo("10.255.0.1/32");
        IpAddress other = allocator.nextAddress(loopbacks.getId(), AddressRequest.keyed("ams1/leaf02/loopback"));
        assertThat(other.host()).isEqualTo("10.255.0.2");
    }

    /**
     * The allocator remembers, per prefix, below which offset everything was taken, and reads only what lies above
     * it; an address freed below that mark must still be the next answer.
     */
    @Test
    void anAddressFreedBelowWhatWasFilledIsTheNextAnswer() {
        Prefix pool = prefixes.create(new PrefixDraft(null, "10.254.7.0/24", PrefixRole.SERVER, null, null, null, null));
        List<IpAddress> taken = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            taken.add(allocator.nextAddress(pool.getId(), AddressRequest.keyed("mark-" + i)));
        }
        assertThat(taken.get(5).host()).isEqualTo("10.254.7.6");
        ipAddresses.delete(taken.get(2).getId());
        assertThat(allocator.nextAddress(pool.getId(), AddressRequest.keyed("mark-again")).host()).isEqualTo("10.254.7.3");
        assertThat(allocator.nextAddress(pool.getId(), AddressRequest.keyed("mark-next")).host()).isEqualTo("10.254.7.7");
    }

    @Test
    void childPrefixesAreCarvedInOrderAndIdempotently() {
        Prefix supernet = prefixes.create(new PrefixDraft(null, "10.200.0.0/16", PrefixRole.CONTAINER, null, null, null, null));
        Prefix a = allocator.nextPrefix(supernet.getId(), new PrefixRequest(24, "rack1", PrefixRole.SERVER, null, null));
        Prefix b = allocator.nextPrefix(supernet.getId(), new PrefixRequest(24, "rack2", PrefixRole.SERVER, null, null));
        Prefix again = allocator.nextPrefix(supernet.getId(), new PrefixRequest(24, "rack1", PrefixRole.SERVER, null, null));
        assertThat(a.getPrefix()).isEqualTo("10.200.0.0/24");
        assertThat(b.getPrefix()).isEqualTo("10.200.1.0/24");
        assertThat(again.getId()).isEqualTo(a.getId());
    }
}
