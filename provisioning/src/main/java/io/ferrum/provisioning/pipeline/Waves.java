package io.ferrum.provisioning.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits a run's devices into waves: the canary devices first (wave 0, alone), then waves of at most
 * {@code concurrency} devices, never two members of one redundancy group in the same wave, so a bad change takes
 * down at most one side of every pair. Deterministic: the same devices and options give the same waves.
 */
public final class Waves {

    private Waves() {
    }

    /** Wave number per hostname, in the devices' order. */
    public static Map<String, Integer> plan(List<DeviceTarget> devices, RunOptions options) {
        Map<String, Integer> waves = new LinkedHashMap<>();
        List<DeviceTarget> left = new ArrayList<>(devices);
        int wave = 0;
        if (options.canary() > 0) {
            fill(left, options.canary(), wave++, waves);
        }
        while (!left.isEmpty()) {
            fill(left, options.concurrency(), wave++, waves);
        }
        return waves;
    }

    private static void fill(List<DeviceTarget> left, int size, int wave, Map<String, Integer> waves) {
        Set<String> groups = new HashSet<>();
        List<DeviceTarget> taken = new ArrayList<>();
        for (DeviceTarget device : left) {
            if (taken.size() == size) {
                break;
            }
            String group = device.redundancyGroup();
            if (group != null && !groups.add(group)) {
                continue;
            }
            taken.add(device);
            waves.put(device.hostname(), wave);
        }
        left.removeAll(taken);
    }
}
