package io.ferrum.standards.render;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a config is rendered for: the device shell's text config ({@code key = value} lines, pushed with
 * {@code configure replace}) or the NETCONF {@code <config>} content for the lab's YANG model
 * ({@code deploy/lab/yang/ferrum-lab.yang}), pushed with edit-config and a confirmed commit.
 */
public enum RenderTarget {
    SHELL("shell", "text/plain; charset=utf-8"),
    NETCONF("netconf", "application/xml; charset=utf-8");

    private final String wire;
    private final String contentType;

    RenderTarget(String wire, String contentType) {
        this.wire = wire;
        this.contentType = contentType;
    }

    public String wire() {
        return wire;
    }

    public String contentType() {
        return contentType;
    }

    /** @throws IllegalArgumentException naming the known targets */
    public static RenderTarget of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire == null ? "" : wire.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown render target '" + wire
                        + "'; expected shell or netconf"));
    }
}
