package io.ferrum.provisioning.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WavesTest {

    private static List<DeviceTarget> pod(int racks) {
        List<DeviceTarget> devices = new ArrayList<>();
        devices.add(new DeviceTarget("border01", "198.18.0.1", "border", "n01"));
        devices.add(new DeviceTarget("border02", "198.18.0.2", "border", "n01"));
        for (int r = 1; r <= racks; r++) {
            devices.add(new DeviceTarget("r" + r + "-leaf01", "198.18.1." + r, "leaf", "r" + r));
            devices.add(new DeviceTarget("r" + r + "-leaf02", "198.18.2." + r, "leaf", "r" + r));
            devices.add(new DeviceTarget("r" + r + "-mgmt01", "198.18.3." + r, "mgmt-switch", "r" + r));
        }
        return devices;
    }

    @Test
    void theCanaryGoesAloneThenWavesOfTheConcurrency() {
        Map<String, Integer> waves = Waves.plan(pod(4), new RunOptions(false, 4, 1, 0));

        assertThat(waves.get("border01")).isZero();
        assertThat(waves.values().stream().filter(w -> w == 0)).hasSize(1);
        assertThat(waves.values().stream().collect(Collectors.groupingBy(w -> w, Collectors.counting())).values())
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
        // border02 is border01's partner: not in the canary's wave, and first in the next
        assertThat(waves.get("border02")).isEqualTo(1);
    }

    @Property
    void neverBothMembersOfAPairInOneWaveAndEveryDeviceOnce(@ForAll @IntRange(min = 1, max = 12) int racks,
                                                            @ForAll @IntRange(min = 1, max = 20) int concurrency,
                                                            @ForAll @IntRange(min = 0, max = 3) int canary) {
        List<DeviceTarget> devices = pod(racks);
        Map<String, Integer> waves = Waves.plan(devices, new RunOptions(false, concurrency, canary, 0));

        assertThat(waves.keySet()).containsExactlyInAnyOrderElementsOf(devices.stream().map(DeviceTarget::hostname)
                .toList());
        Map<String, List<DeviceTarget>> byWaveAndGroup = devices.stream().filter(d -> d.redundancyGroup() != null)
                .collect(Collectors.groupingBy(d -> waves.get(d.hostname()) + "/" + d.redundancyGroup()));
        assertThat(byWaveAndGroup.values()).allSatisfy(members -> assertThat(members).hasSize(1));
    }
}
