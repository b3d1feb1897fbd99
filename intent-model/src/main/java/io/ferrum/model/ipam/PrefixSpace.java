package io.ferrum.model.ipam;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;

/**
 * Pure queries over one prefix's address space: which host or child block is free next. No database here; the
 * allocator feeds it what is taken under a lock.
 */
public record PrefixSpace(Cidr prefix) {

    /**
     * The first usable host whose offset from the network address is not in {@code takenOffsets}. In IPv4 prefixes
     * shorter than /31 the network and broadcast addresses are not usable; /31 and /32 use every address (RFC 3021).
     * Offsets, not parsed addresses, keep this cheap under an allocation lock.
     */
    public Optional<IPAddress> firstAvailableHost(NavigableSet<Long> takenOffsets) {
        return firstAvailableHost(takenOffsets, 0);
    }

    /**
     * As {@link #firstAvailableHost(NavigableSet)}, looking only at offsets from {@code from} on: a caller that has
     * just taken the first free host knows nothing below it is free, and searches on from the next offset instead of
     * walking the taken run again (which made a batch quadratic in the prefix's fill).
     */
    public Optional<IPAddress> firstAvailableHost(NavigableSet<Long> takenOffsets, long from) {
        IPAddress network = prefix.network();
        BigInteger size = network.getCount();
        BigInteger limit = skipsEnds() ? size.subtract(BigInteger.ONE) : size;
        long candidate = Math.max(firstUsableOffset(), from);
        for (long taken : takenOffsets.tailSet(candidate, true)) {
            if (taken > candidate) {
                break;
            }
            candidate++;
        }
        if (BigInteger.valueOf(candidate).compareTo(limit) >= 0) {
            return Optional.empty();
        }
        return Optional.of(network.getLower().withoutPrefixLength().increment(candidate));
    }

    /** The offset of the first usable host: 1 where the network address is not usable, else 0. */
    public long firstUsableOffset() {
        return skipsEnds() ? 1 : 0;
    }

    private boolean skipsEnds() {
        return prefix.network().isIPv4() && prefix.prefixLength() < 31;
    }

    /** How far {@code host} lies from the network address. */
    public long offsetOf(String host) {
        return Cidr.parseHost(host).withoutPrefixLength().getValue()
                .subtract(prefix.network().getLower().getValue()).longValueExact();
    }

    /** The first block of {@code length} inside this prefix that overlaps none of {@code children}. */
    public Optional<Cidr> firstAvailableChild(int length, List<Cidr> children) {
        if (length < prefix.prefixLength() || length > prefix.bitCount()) {
            throw new IllegalArgumentException("a /" + length + " cannot be carved from " + prefix
                    + "; expected a length from " + prefix.prefixLength() + " to " + prefix.bitCount());
        }
        List<Cidr> sorted = children.stream()
                .sorted((x, y) -> x.network().getLower().compareTo(y.network().getLower())).toList();
        Iterator<? extends IPAddress> blocks = prefix.network().setPrefixLength(length, false).prefixBlockIterator();
        int next = 0;
        while (blocks.hasNext()) {
            Cidr candidate = new Cidr(blocks.next());
            // Children entirely below the candidate can never overlap a later candidate either.
            while (next < sorted.size() && sorted.get(next).network().getUpper()
                    .compareTo(candidate.network().getLower()) < 0) {
                next++;
            }
            boolean free = true;
            for (int i = next; i < sorted.size() && sorted.get(i).network().getLower()
                    .compareTo(candidate.network().getUpper()) <= 0; i++) {
                if (sorted.get(i).overlaps(candidate)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
