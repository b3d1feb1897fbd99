package io.ferrum.model.inventory;

import io.ferrum.model.dcim.DeviceRole;
import io.ferrum.model.dcim.DeviceStatus;
import io.ferrum.model.dcim.RackFace;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One device with its type's physical facts copied in. {@code rack}, {@code face} and {@code positionU}
 * are null for unracked devices; {@code positionU} is the lowest unit the device occupies (1-based) and it
 * spans {@code uHeight} units upward. {@code primaryIp} is the management address without mask length.
 * {@code desiredFirmware} is the version intent wants (the device's override, else its platform's), null for none.
 */
public record DeviceInfo(
        String hostname,
        DeviceRole role,
        String manufacturer,
        String model,
        String deviceType,
        int uHeight,
        boolean fullDepth,
        int typicalPowerW,
        int maxPowerW,
        String serial,
        String assetTag,
        DeviceStatus status,
        String rack,
        RackFace face,
        Integer positionU,
        String platform,
        String primaryIp,
        String desiredFirmware,
        List<PortInfo> ports,
        Set<String> tags) {

    public DeviceInfo {
        ports = List.copyOf(ports);
        // Sorted, so that exports iterating tags are byte-identical from run to run.
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    /** The highest unit this device occupies, or null when unracked. */
    public Integer topU() {
        return positionU == null ? null : positionU + Math.max(uHeight, 1) - 1;
    }
}
