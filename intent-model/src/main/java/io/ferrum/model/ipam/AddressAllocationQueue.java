package io.ferrum.model.ipam;

import io.ferrum.model.changelog.ChangeContext;
import io.ferrum.model.common.IntentException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single-address allocation for many concurrent callers (REST clients filling a prefix). Allocation from one prefix
 * is serial: its lock is held until commit. Taken one request per transaction, every caller held a connection while
 * queueing on the lock and paid a lock, a read of what is taken and a commit of its own (82 allocations/s from 32
 * clients, BENCHMARKS.md). Here the callers of one prefix join a queue; one of them at a time leads: it serves up to
 * {@code maxBatch} queued requests in one transaction (one lock, one read, one commit), each address still recorded
 * in the change log under its own caller, then passes the lead to the next caller still queued, so no caller serves
 * others for longer than one batch. A batch that fails is served again one request per transaction, so a bad request
 * fails alone and nothing of the others is lost.
 *
 * <p>A caller already inside a transaction is served there, directly: its allocation must commit or roll back with
 * the rest of its work.
 */
@Component
public class AddressAllocationQueue {

    private final IpamAllocator allocator;
    private final TransactionTemplate transactions;
    private final int maxBatch;
    private final Duration patience;
    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

    public AddressAllocationQueue(IpamAllocator allocator, PlatformTransactionManager transactionManager,
                                  @Value("${ferrum.ipam.max-batch:128}") int maxBatch,
                                  @Value("${ferrum.ipam.queue-patience:30s}") Duration patience) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("ferrum.ipam.max-batch must be at least 1");
        }
        this.allocator = allocator;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.maxBatch = maxBatch;
        this.patience = patience;
    }

    /** The next free address of the prefix (or the earlier answer for the request's allocation key). */
    public IpAddress nextAddress(long prefixId, AddressRequest request) {
        return nextAddress(prefixId, request, address -> address);
    }

    /**
     * As {@link #nextAddress(long, AddressRequest)}, with {@code answer} applied to the address inside the
     * transaction that allocated it, where its lazy relations can still be read (a REST view, say).
     */
    public <T> T nextAddress(long prefixId, AddressRequest request, Function<IpAddress, T> answer) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return answer.apply(allocator.nextAddress(prefixId, request));
        }
        Waiter me = new Waiter(request, ChangeContext.current(), answer);
        Lane lane = join(prefixId, me);
        boolean lead = lane.leader == me;
        if (!lead) {
            lead = !awaitServedOrLead(lane, me);
        }
        if (lead) {
            serveOneBatch(prefixId, lane);
        }
        @SuppressWarnings("unchecked") // the waiter's answer is what its own function made
        T outcome = (T) me.outcome();
        return outcome;
    }

    /** Queues {@code me} on the prefix's lane; the first caller of an idle lane leads it. */
    private Lane join(long prefixId, Waiter me) {
        while (true) {
            Lane lane = lanes.computeIfAbsent(prefixId, Lane::new);
            synchronized (lane) {
                if (lane.retired) {
                    continue; // its leader just left it empty and removed it; take the new one
                }
                lane.queue.add(me);
                if (lane.leader == null) {
                    lane.leader = me;
                }
                return lane;
            }
        }
    }

    /**
     * True when another leader served {@code me}; false when the lead was passed to {@code me}. An interrupt ends the
     * wait as the patience does; the thread's interrupt flag is set again on the way out.
     */
    private boolean awaitServedOrLead(Lane lane, Waiter me) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (true) {
                try {
                    return me.signal.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException | InterruptedException e) {
                    interrupted |= e instanceof InterruptedException;
                    Waiter next = null;
                    boolean left;
                    synchronized (lane) {
                        left = lane.queue.remove(me);
                        if (left && lane.leader == me) {
                            // handed the lead just now: pass it on, or the callers behind would wait for nobody
                            next = handOver(lane);
                        }
                    }
                    if (left) {
                        if (next != null) {
                            next.signal.complete(false);
                        }
                        throw IntentException.busy("prefixId", "allocation from this prefix was queued behind "
                                + "other requests for over " + patience.toSeconds() + " s; try again");
                    }
                    // already taken into a batch, or handed the lead: the answer follows within that batch
                    deadline = System.nanoTime() + patience.toNanos();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a waiter's signal never fails", e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serveOneBatch(long prefixId, Lane lane) {
        List<Waiter> batch = new ArrayList<>();
        synchronized (lane) {
            while (batch.size() < maxBatch && !lane.queue.isEmpty()) {
                batch.add(lane.queue.poll());
            }
        }
        try {
            try {
                List<Object> answers = transactions.execute(status -> {
                    List<IpAddress> addresses = allocator.nextAddressesActing(prefixId,
                            batch.stream().map(Waiter::request).toList(), batch.stream().map(Waiter::actor).toList());
                    List<Object> made = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        made.add(batch.get(i).answer.apply(addresses.get(i)));
                    }
                    return made;
                });
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result = answers.get(i);
                }
            } catch (RuntimeException batchFailed) {
                for (Waiter waiter : batch) {
                    try {
                        waiter.result = transactions.execute(status -> waiter.answer.apply(allocator
                                .nextAddressesActing(prefixId, List.of(waiter.request()), List.of(waiter.actor()))
                                .get(0)));
                    } catch (RuntimeException e) {
                        waiter.failure = e;
                    }
                }
            }
        } catch (Error e) {
            batch.forEach(w -> w.failure = new IllegalStateException("allocation batch failed: " + e, e));
            throw e;
        } finally {
            Waiter next;
            synchronized (lane) {
                next = handOver(lane);
            }
            for (Waiter waiter : batch) {
                waiter.signal.complete(true);
            }
            if (next != null) {
                next.signal.complete(false);
            }
        }
    }

    /** Callers queued on the prefix and not yet taken into a batch; -1 when no caller is there at all. */
    int queued(long prefixId) {
        Lane lane = lanes.get(prefixId);
        if (lane == null) {
            return -1;
        }
        synchronized (lane) {
            return lane.retired ? -1 : lane.queue.size();
        }
    }

    /** Makes the head of the queue the lane's leader, or retires the lane when none is left; called holding it. */
    private Waiter handOver(Lane lane) {
        Waiter next = lane.queue.peek();
        lane.leader = next;
        if (next == null) {
            lane.retired = true;
            lanes.remove(lane.prefixId, lane);
        }
        return next;
    }

    /** The callers queued on one prefix, and which of them leads now. */
    private static final class Lane {
        final long prefixId;
        final ArrayDeque<Waiter> queue = new ArrayDeque<>();
        Waiter leader;
        boolean retired;

        Lane(long prefixId) {
            this.prefixId = prefixId;
        }
    }

    /** One caller: its request, who it acts as, and how its wait ends (true: served; false: it leads now). */
    private static final class Waiter {
        final AddressRequest request;
        final ChangeContext.Actor actor;
        final Function<IpAddress, ?> answer;
        final CompletableFuture<Boolean> signal = new CompletableFuture<>();
        volatile Object result;
        volatile RuntimeException failure;

        Waiter(AddressRequest request, ChangeContext.Actor actor, Function<IpAddress, ?> answer) {
            this.request = request;
            this.actor = actor;
            this.answer = answer;
        }

        AddressRequest request() {
            return request;
        }

        ChangeContext.Actor actor() {
            return actor;
        }

        Object outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
