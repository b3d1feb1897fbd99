package io.ferrum.model.ipam;

import inet.ipaddr.IPAddress;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pure queries over one prefix's address space: which host or child block is free next. No database here; the
 * allocator feeds it what is taken under a lock.
 */
public record PrefixSpace(Cidr prefix) {

    /**
     * The first usable host not in {@code takenHosts} (texts without mask). In IPv4 prefixes shorter than /31 the
     * network and broadcast addresses are not usable; /31 and /32 use every address (RFC 3021).
     */
    public Optional<IPAddress> firstAvailableHost(Collection<String> takenHosts) {
        Set<IPAddress> taken = takenHosts.stream().map(Cidr::parseHost).map(IPAddress::withoutPrefixLength)
                .collect(Collectors.toSet());
        IPAddress network = prefix.network();
        boolean skipEnds = network.isIPv4() && prefix.prefixLength() < 31;
        IPAddress first = network.getLower().withoutPrefixLength();
        IPAddress last = network.getUpper().withoutPrefixLength();
        Iterator<? extends IPAddress> hosts = network.withoutPrefixLength().iterator();
        while (hosts.hasNext()) {
            IPAddress host = hosts.next();
            if (skipEnds && (host.equals(first) || host.equals(last))) {
                continue;
            }
            if (!taken.contains(host)) {
                return Optional.of(host);
            }
        }
        return Optional.empty();
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
