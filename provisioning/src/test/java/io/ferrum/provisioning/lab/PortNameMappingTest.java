package io.ferrum.provisioning.lab;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The lab's port-name to Linux-interface-name mapping, through the script itself (needs no root). */
class PortNameMappingTest {

    private static String ifname(String port) throws Exception {
        Lab.Result r = Lab.run(10, Lab.repoRoot().resolve("deploy/lab/lab").toString(), "ifname", port);
        assertThat(r.exit()).as(r.output()).isZero();
        return r.output().strip();
    }

    @Test
    void validLinuxNamesAreKeptAndOthersMappedToStableShortNames() throws Exception {
        assertThat(ifname("Ethernet49")).isEqualTo("Ethernet49");
        assertThat(ifname("eth0")).isEqualTo("eth0");

        List<String> awkward = List.of("TenGigabitEthernet1/0/48", "TenGigabitEthernet1/0/49", "Ethernet1/1",
                "HundredGigE0/0/0/1", "xe-0/0/0:1", "Port Channel 10", "mgmt0", "ExactlySixteen16");
        Set<String> mapped = new HashSet<>();
        for (String port : awkward) {
            String name = ifname(port);
            assertThat(name).as(port).matches("[A-Za-z0-9_.-]{1,15}").isNotEqualTo(port);
            assertThat(ifname(port)).as("stable for " + port).isEqualTo(name);
            mapped.add(name);
        }
        assertThat(mapped).as("distinct ports map to distinct names").hasSize(awkward.size());
    }
}
