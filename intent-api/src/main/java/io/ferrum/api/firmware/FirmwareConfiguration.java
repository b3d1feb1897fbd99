package io.ferrum.api.firmware;

import io.ferrum.provisioning.firmware.CatalogueFirmware;
import io.ferrum.provisioning.firmware.FirmwareCatalogue;
import io.ferrum.provisioning.firmware.ImageStore;
import io.ferrum.provisioning.firmware.QuarantinedDevices;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires provisioning's firmware catalogue, image store and quarantine into the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FirmwareProperties.class)
class FirmwareConfiguration {

    @Bean
    ImageStore imageStore(FirmwareProperties properties, @Value("${ferrum.db.home}") Path home) {
        return new ImageStore(properties.imageDir() != null ? properties.imageDir() : home.resolve("images"),
                properties.maxImageBytes());
    }

    @Bean
    FirmwareCatalogue firmwareCatalogue(JdbcTemplate jdbc, ImageStore store) {
        return new FirmwareCatalogue(jdbc, store);
    }

    @Bean
    QuarantinedDevices quarantinedDevices(JdbcTemplate jdbc) {
        return new QuarantinedDevices(jdbc);
    }

    @Bean
    CatalogueFirmware desiredFirmware(JdbcTemplate jdbc, FirmwareCatalogue catalogue) {
        return new CatalogueFirmware(jdbc, catalogue);
    }
}
