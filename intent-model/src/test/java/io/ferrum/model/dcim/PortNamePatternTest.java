package io.ferrum.model.dcim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortNamePatternTest {

    @Test
    void expandsOneRange() {
        assertThat(PortNamePattern.expand("Ethernet[1-4]")).containsExactly("Ethernet1", "Ethernet2", "Ethernet3", "Ethernet4");
    }

    @Test
    void multipliesSeveralRanges() {
        assertThat(PortNamePattern.expand("swp[1-2]s[0-1]")).containsExactly("swp1s0", "swp1s1", "swp2s0", "swp2s1");
    }

    @Test
    void keepsAPlainName() {
        assertThat(PortNamePattern.expand("mgmt0")).containsExactly("mgmt0");
    }

    @Test
    void refusesBackwardsAndBrokenRanges() {
        assertThatThrownBy(() -> PortNamePattern.expand("eth[4-1]")).hasMessageContaining("backwards");
        assertThatThrownBy(() -> PortNamePattern.expand("eth[x]")).hasMessageContaining("not a range");
    }
}
