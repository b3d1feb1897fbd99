package io.ferrum.provisioning.pipeline;

import java.util.Optional;

/** Devices held back from firmware runs after an image did not verify on them, until someone releases them. */
public interface FirmwareQuarantine {

    /** Why the device is held back, if it is. */
    Optional<String> reason(String device);

    void quarantine(String device, long runId, String reason);
}
