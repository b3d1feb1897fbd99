package io.ferrum.assurance.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When each device is polled next: pure bookkeeping, no threads and no clock of its own, so it is tested with literal
 * times. A device is polled at its interval (fixed rate from each poll's start); a device whose poll is still
 * running when the next is due is not polled twice: the missed turn is an overrun. A trap asks for a poll soon; asks
 * that arrive before that poll starts join it, and one that arrives during a poll gets a poll after it.
 */
final class PollSchedule {

    /** What is due now: polls to start, and devices that missed a turn because their last poll still runs. */
    record Due(List<PollTarget> start, List<PollTarget> overran) {
    }

    private static final class Entry {
        PollTarget target;
        Instant due;
        boolean running;
        Instant askedDuringPoll;

        Entry(PollTarget target, Instant due) {
            this.target = target;
            this.due = due;
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** The devices to poll from now on: new ones are due at once, gone ones are forgotten, the rest keep their turn. */
    synchronized void update(Collection<PollTarget> targets, Instant now) {
        Set<String> current = new HashSet<>();
        for (PollTarget target : targets) {
            current.add(target.hostname());
            Entry entry = entries.get(target.hostname());
            if (entry == null) {
                entries.put(target.hostname(), new Entry(target, now));
            } else {
                if (target.interval().compareTo(entry.target.interval()) < 0 && !entry.running) {
                    // a shorter interval takes effect now, not after the old, longer wait
                    Instant sooner = now.plus(target.interval());
                    entry.due = entry.due.isAfter(sooner) ? sooner : entry.due;
                }
                entry.target = target;
            }
        }
        entries.keySet().retainAll(current);
    }

    synchronized Due takeDue(Instant now) {
        List<PollTarget> start = new ArrayList<>();
        List<PollTarget> overran = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.due.isAfter(now)) {
                continue;
            }
            Duration interval = entry.target.interval();
            if (entry.running) {
                overran.add(entry.target);
            } else {
                entry.running = true;
                start.add(entry.target);
            }
            entry.due = entry.due.plus(interval);
            if (!entry.due.isAfter(now)) {
                // far behind (a restart, a long stall): start the rhythm again from now instead of catching up
                entry.due = now.plus(interval);
            }
        }
        return new Due(start, overran);
    }

    /** The device's poll ended; a trap that came in meanwhile gets its poll now. */
    synchronized void finished(String hostname) {
        Entry entry = entries.get(hostname);
        if (entry == null) {
            return;
        }
        entry.running = false;
        if (entry.askedDuringPoll != null) {
            entry.due = entry.due.isAfter(entry.askedDuringPoll) ? entry.askedDuringPoll : entry.due;
            entry.askedDuringPoll = null;
        }
    }

    /** Polls the device at {@code at} at the latest (a trap's debounce), joining any poll already due earlier. */
    synchronized boolean pollBy(String hostname, Instant at) {
        Entry entry = entries.get(hostname);
        if (entry == null) {
            return false;
        }
        if (entry.running) {
            entry.askedDuringPoll = entry.askedDuringPoll == null || at.isBefore(entry.askedDuringPoll) ? at
                    : entry.askedDuringPoll;
        } else if (entry.due.isAfter(at)) {
            entry.due = at;
        }
        return true;
    }

    synchronized Instant nextDue(String hostname) {
        Entry entry = entries.get(hostname);
        return entry == null ? null : entry.due;
    }

    synchronized boolean running(String hostname) {
        Entry entry = entries.get(hostname);
        return entry != null && entry.running;
    }

    synchronized int size() {
        return entries.size();
    }
}
