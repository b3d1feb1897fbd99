package io.ferrum.assurance.audit;

/**
 * What provisioning wants on a device beyond the intent model itself: its rendered configuration and firmware
 * version. Either may be null when nothing is rendered or no version is pinned; that check is then skipped.
 */
public record DesiredDeviceState(String renderedConfig, String firmwareVersion) {

    public static final DesiredDeviceState NONE = new DesiredDeviceState(null, null);
}
