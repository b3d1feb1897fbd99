package io.ferrum.assurance.observe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * Observations as stored: JSON, and a content fingerprint that leaves out when the poll ran, so two polls that saw
 * the same device give the same fingerprint. The collector sorts interfaces and neighbours by port, so the same
 * picture is always the same text.
 */
public final class ObservationJson {

    // Its own mapper: the stored form must not change with the web layer's JSON settings.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ObservationJson() {
    }

    public static String write(DeviceObservation observation) {
        return JSON.writeValueAsString(observation);
    }

    public static DeviceObservation read(String json) {
        return JSON.readValue(json, DeviceObservation.class);
    }

    /** SHA-256 of everything the poll saw, not of when it saw it. */
    public static String content(DeviceObservation observation) {
        DeviceObservation timeless = new DeviceObservation(observation.hostname(), null, observation.failure(),
                observation.sysName(), observation.serial(), observation.firmwareVersion(),
                observation.runningConfig(), observation.interfaces(), observation.neighbours());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(timeless).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
