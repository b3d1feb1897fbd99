package io.ferrum.assurance.audit;

/**
 * One difference between what a device is and what intent says it should be.
 *
 * @param object    what on the device differs: a port ({@code Ethernet1}), or the device itself ({@code -})
 * @param intentRef the intent record that defines "expected", e.g. {@code cable C-0005}, {@code device leaf01}
 * @param detail    more for a person: the far end's other cable, a unified config diff, a failure reason
 */
public record Drift(DriftType type, String device, String object, String expected, String observed,
                    String intentRef, String detail) {

    static final String WHOLE_DEVICE = "-";

    public Severity severity() {
        return type.severity();
    }

    /** One open event per fingerprint: the same drift found again by the next poll is the same event. */
    public String fingerprint() {
        return device + "|" + type.wire() + "|" + object;
    }
}
