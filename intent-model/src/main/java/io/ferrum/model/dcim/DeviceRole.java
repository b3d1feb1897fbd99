package io.ferrum.model.dcim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.ferrum.model.common.WireValue;

/** What a device does; drives naming, colours and standards. */
public enum DeviceRole implements WireValue {
    SPINE("spine"),
    LEAF("leaf"),
    BORDER("border"),
    MGMT_SWITCH("mgmt-switch"),
    CONSOLE_SERVER("console-server"),
    SERVER("server"),
    PDU("pdu"),
    PATCH_PANEL("patch-panel"),
    FIREWALL("firewall"),
    OTHER("other");

    private final String wire;

    DeviceRole(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static DeviceRole of(String wire) {
        return WireValue.parse(DeviceRole.class, wire);
    }
}
