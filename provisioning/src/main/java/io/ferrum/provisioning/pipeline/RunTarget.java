package io.ferrum.provisioning.pipeline;

import java.util.List;

/**
 * Which devices a run touches: a site, narrowed by role, rack or tag, or an explicit device list (which may span
 * sites). Servers are never a config run's target (their OS is the os-install kind's).
 */
public record RunTarget(String site, String role, String rack, String tag, List<String> devices) {

    public RunTarget {
        devices = devices == null ? List.of() : List.copyOf(devices);
        if ((site == null || site.isBlank()) && devices.isEmpty()) {
            throw new PipelineException("target", "a run needs target.site or target.devices");
        }
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i) == null || devices.get(i).isBlank()) {
                throw new PipelineException("target.devices[" + i + "]", "expected a device hostname");
            }
        }
    }
}
