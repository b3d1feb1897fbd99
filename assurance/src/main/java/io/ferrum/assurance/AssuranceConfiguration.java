package io.ferrum.assurance;

import io.ferrum.assurance.collect.CollectorProperties;
import io.ferrum.assurance.drift.DriftProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Assurance's settings, and the schedule that re-opens expired acceptances (the collector has its own threads). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({DriftProperties.class, CollectorProperties.class,
    io.ferrum.assurance.notify.AlertmanagerProperties.class})
public class AssuranceConfiguration {

    @org.springframework.context.annotation.Bean
    io.ferrum.assurance.notify.AlertmanagerDelivery alertmanagerDelivery(
            io.ferrum.assurance.notify.AlertmanagerProperties properties,
            io.ferrum.assurance.drift.DriftEvents events) {
        return new io.ferrum.assurance.notify.AlertmanagerDelivery(properties, events);
    }
}
