package io.ferrum.provisioning.firmware;

import io.ferrum.provisioning.pipeline.DesiredFirmware;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intent's desired firmware (the device's override, else its platform's), served from the catalogue: the version
 * must be an image of the device's platform whose bytes this node holds.
 */
public class CatalogueFirmware implements DesiredFirmware {

    private final JdbcTemplate jdbc;
    private final FirmwareCatalogue catalogue;

    public CatalogueFirmware(JdbcTemplate jdbc, FirmwareCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    @Override
    public Optional<Image> image(String hostname) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT p.name AS platform, "
                + "coalesce(d.desired_firmware, p.desired_firmware) AS version FROM device d "
                + "LEFT JOIN platform p ON p.id = d.platform_id WHERE d.hostname = ?", hostname);
        if (rows.isEmpty() || rows.get(0).get("version") == null) {
            return Optional.empty();
        }
        String platform = (String) rows.get(0).get("platform");
        String version = (String) rows.get(0).get("version");
        if (platform == null) {
            throw new DesiredFirmwareException(hostname + " wants firmware " + version + " but has no platform to "
                    + "find the image by");
        }
        FirmwareImage image = catalogue.find(platform, version).orElseThrow(() -> new DesiredFirmwareException(
                hostname + " wants " + platform + " " + version + ", which the firmware catalogue does not hold"));
        return Optional.of(new Image(image.version(), image.name(), image.sha256(), image.sizeBytes(),
                catalogue.file(image).orElseThrow(() -> new DesiredFirmwareException("the bytes of " + image.name()
                        + " (sha256 " + image.sha256() + ") are missing from this node's image store"))));
    }
}
