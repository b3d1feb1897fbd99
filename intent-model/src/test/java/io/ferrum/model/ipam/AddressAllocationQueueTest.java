package io.ferrum.model.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferrum.model.changelog.ChangeContext;
import io.ferrum.model.common.IntentException;
import io.ferrum.model.common.TransactionLocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Concurrent single-address requests on one prefix share transactions: every caller gets a distinct address, the
 * change log names each caller for its own address, a bad request fails alone, a caller inside a transaction is
 * served in it, and a caller queued too long is told to retry without leaving the prefix stuck.
 */
@SpringBootTest
class AddressAllocationQueueTest {

    @Autowired
    AddressAllocationQueue queue;
    @Autowired
    IpamAllocator allocator;
    @Autowired
    PrefixService prefixes;
    @Autowired
    TransactionLocks locks;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void queuedCallersGetDistinctAddressesEachLoggedUnderItsOwnCaller() throws Exception {
        Prefix pool = prefix("10.97.0.0/22");
        int callers = 12;
        int each = 15;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, String>>> work = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            String who = "caller-" + c;
            work.add(threads.submit(() -> {
                start.await();
                Map<String, String> serverRequestByAddress = new HashMap<>();
                for (int i = 0; i < each; i++) {
                    String serverRequest = who + "/req-" + i;
                    try (var scope = ChangeContext.open(who, "client-" + i, serverRequest)) {
                        IpAddress a = queue.nextAddress(pool.getId(), AddressRequest.keyed(who + "/" + i));
                        serverRequestByAddress.put(a.host(), serverRequest);
                    }
                }
                return serverRequestByAddress;
            }));
        }
        start.countDown();
        Map<String, String> all = new HashMap<>();
        for (Future<Map<String, String>> f : work) {
            Map<String, String> mine = f.get(2, TimeUnit.MINUTES);
            mine.keySet().forEach(a -> assertThat(all).as("address %s answered twice", a).doesNotContainKey(a));
            all.putAll(mine);
        }
        assertThat(all).hasSize(callers * each);
        List<Map<String, Object>> logged = jdbc.queryForList("SELECT host(a.address) AS address, l.actor, "
                + "l.server_request_id FROM ip_address a JOIN change_log l ON l.object_id = a.id AND l.action = 'create'"
                + " WHERE a.prefix_id = ?", pool.getId());
        assertThat(logged).hasSize(callers * each);
        for (Map<String, Object> row : logged) {
            String serverRequest = all.get((String) row.get("address"));
            assertThat(serverRequest).as("logged %s", row).isNotNull();
            assertThat(row.get("server_request_id")).as("the caller that received %s", row.get("address"))
                    .isEqualTo(serverRequest);
            assertThat((String) row.get("actor")).isEqualTo(serverRequest.substring(0, serverRequest.indexOf('/')));
        }
    }

    @Test
    void aBadRequestQueuedWithGoodOnesFailsAloneAndTheOthersAreStored() throws Exception {
        Prefix pool = prefix("10.97.8.0/24");
        TransactionTemplate holder = new TransactionTemplate(transactionManager);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // hold the prefix's lock, so the first caller's batch waits on it and the rest queue into one batch
        Future<?> holding = threads.submit(() -> holder.executeWithoutResult(status -> {
            locks.lock(pool.getId());
            locked.countDown();
            await(release);
        }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        List<Future<IpAddress>> answers = new ArrayList<>();
        answers.add(threads.submit(() -> queue.nextAddress(pool.getId(), AddressRequest.keyed("first"))));
        awaitQueued(pool, 0); // the first caller leads: its batch (itself) waits on the lock
        for (int i = 0; i < 6; i++) {
            AddressRequest request = i == 3
                    ? new AddressRequest("bad", false, "no-such-device", "Ethernet1", null, null)
                    : AddressRequest.keyed("good-" + i);
            answers.add(threads.submit(() -> queue.nextAddress(pool.getId(), request)));
        }
        awaitQueued(pool, 6);
        release.countDown();
        holding.get(30, TimeUnit.SECONDS);

        List<String> good = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (i == 4) {
                Future<IpAddress> bad = answers.get(i);
                assertThatThrownBy(() -> bad.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(IntentException.class)
                        .hasMessageContaining("port").hasMessageContaining("no-such-device");
            } else {
                good.add(answers.get(i).get(30, TimeUnit.SECONDS).getAddress());
            }
        }
        assertThat(good).doesNotHaveDuplicates().hasSize(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ip_address WHERE prefix_id = ?", Long.class,
                pool.getId())).isEqualTo(6);
    }

    @Test
    void aCallerInsideATransactionIsServedInItAndRollsBackWithIt() {
        Prefix pool = prefix("10.97.9.0/24");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            queue.nextAddress(pool.getId(), AddressRequest.keyed("rolled-back"));
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ip_address WHERE prefix_id = ?", Long.class,
                pool.getId())).isZero();
    }

    @Test
    void aCallerQueuedPastItsPatienceIsToldToRetryAndThePrefixIsNotLeftStuck() throws Exception {
        Prefix pool = prefix("10.97.10.0/24");
        AddressAllocationQueue impatient = new AddressAllocationQueue(allocator, transactionManager, 128,
                Duration.ofMillis(300));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holding = threads.submit(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> {
                    locks.lock(pool.getId());
                    locked.countDown();
                    await(release);
                }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        Future<IpAddress> leader = threads.submit(() -> impatient.nextAddress(pool.getId(),
                AddressRequest.keyed("leader")));
        awaitQueued(impatient, pool, 0); // the leader took itself into its batch and waits on the lock
        Thread.sleep(100);
        assertThatThrownBy(() -> impatient.nextAddress(pool.getId(), AddressRequest.keyed("impatient")))
                .isInstanceOfSatisfying(IntentException.class,
                        e -> assertThat(e.reason()).isEqualTo(IntentException.Reason.BUSY))
                .hasMessageContaining("try again");
        release.countDown();
        holding.get(30, TimeUnit.SECONDS);
        assertThat(leader.get(30, TimeUnit.SECONDS).getAllocationKey()).isEqualTo("leader");
        assertThat(impatient.nextAddress(pool.getId(), AddressRequest.keyed("after")).getAllocationKey())
                .isEqualTo("after");
        assertThat(jdbc.queryForList("SELECT allocation_key FROM ip_address WHERE prefix_id = ? ORDER BY id",
                String.class, pool.getId())).containsExactly("leader", "after");
    }

    private Prefix prefix(String cidr) {
        return prefixes.create(new PrefixDraft(null, cidr, PrefixRole.SERVER, null, null, "queue test", null));
    }

    private void awaitQueued(Prefix pool, int waiting) throws InterruptedException {
        awaitQueued(queue, pool, waiting);
    }

    private static void awaitQueued(AddressAllocationQueue queue, Prefix pool, int waiting)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (queue.queued(pool.getId()) != waiting) {
            assertThat(System.nanoTime()).as("%d callers queued on %s", waiting, pool.getPrefix())
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
