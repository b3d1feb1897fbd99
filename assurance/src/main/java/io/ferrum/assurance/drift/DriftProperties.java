package io.ferrum.assurance.drift;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param flapWindow a drift that comes back within this time after it resolved re-opens its old event and counts
 *                   one more occurrence, so a bouncing link is one event, not one per bounce
 */
@ConfigurationProperties("ferrum.assurance.drift")
public record DriftProperties(Duration flapWindow) {

    public DriftProperties {
        flapWindow = flapWindow == null ? Duration.ofMinutes(10) : flapWindow;
    }
}
