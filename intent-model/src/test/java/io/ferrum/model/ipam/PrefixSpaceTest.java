package io.ferrum.model.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixSpaceTest {

    private static PrefixSpace space(String cidr) {
        return new PrefixSpace(Cidr.parse(cidr));
    }

    private static java.util.Optional<inet.ipaddr.IPAddress> firstFree(String cidr, String... taken) {
        PrefixSpace space = space(cidr);
        return space.firstAvailableHost(java.util.Arrays.stream(taken).map(space::offsetOf)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }

    @Test
    void slashThirtyTwoHoldsOneAddress() {
        assertThat(firstFree("10.0.0.7/32")).isPresent();
        assertThat(firstFree("10.0.0.7/32", "10.0.0.7")).isEmpty();
    }

    @Test
    void firstHostSkipsNetworkAddress() {
        assertThat(space("10.0.0.0/29").firstAvailableHost(new java.util.TreeSet<>())).hasValueSatisfying(
                a -> assertThat(a.toCanonicalString()).isEqualTo("10.0.0.1"));
    }

    @Test
    void fillsTheFirstGap() {
        assertThat(firstFree("10.0.0.0/29", "10.0.0.1", "10.0.0.3"))
                .hasValueSatisfying(a -> assertThat(a.toCanonicalString()).isEqualTo("10.0.0.2"));
    }

    @Test
    void emptyWhenExhaustedWithoutUsingBroadcast() {
        assertThat(firstFree("10.0.0.0/30", "10.0.0.1", "10.0.0.2")).isEmpty();
    }

    @Test
    void pointToPointUsesBothAddresses() {
        assertThat(firstFree("10.0.0.0/31", "10.0.0.0"))
                .hasValueSatisfying(a -> assertThat(a.toCanonicalString()).isEqualTo("10.0.0.1"));
    }

    @Test
    void ipv6Works() {
        assertThat(firstFree("2001:db8::/126", "2001:db8::"))
                .hasValueSatisfying(a -> assertThat(a.toCanonicalString()).isEqualTo("2001:db8::1"));
    }

    @Test
    void childSkipsOverlappingBlocks() {
        var children = List.of(Cidr.parse("10.0.0.0/26"), Cidr.parse("10.0.0.64/27"));
        assertThat(space("10.0.0.0/24").firstAvailableChild(26, children).map(Cidr::toString)).hasValue("10.0.0.128/26");
        assertThat(space("10.0.0.0/24").firstAvailableChild(27, children).map(Cidr::toString)).hasValue("10.0.0.96/27");
    }

    @Test
    void childEmptyWhenFull() {
        assertThat(space("10.0.0.0/30").firstAvailableChild(31, List.of(Cidr.parse("10.0.0.0/31"), Cidr.parse("10.0.0.2/31"))))
                .isEmpty();
    }

    @Test
    void refusesLengthOutsideTheParent() {
        assertThatThrownBy(() -> space("10.0.0.0/24").firstAvailableChild(16, List.of()))
                .hasMessageContaining("cannot be carved");
    }

    @Test
    void cidrRefusesHostBits() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/24")).hasMessageContaining("host bits");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.300/24")).hasMessageContaining("not valid");
    }
}
