package io.ferrum.api.firmware;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ferrum.firmware.*}: where image bytes live and how large an upload may be.
 *
 * @param imageDir      the content-addressed image store (default FERRUM_HOME/images); nodes of one cluster share
 *                      it (a shared mount) or each holds the images its runs need
 * @param maxImageBytes the largest image accepted (default 8 GiB)
 */
@ConfigurationProperties("ferrum.firmware")
public record FirmwareProperties(Path imageDir, Long maxImageBytes) {

    public FirmwareProperties {
        maxImageBytes = maxImageBytes == null ? 8L << 30 : maxImageBytes;
    }
}
