package io.ferrum.assurance;

import io.ferrum.assurance.collect.CollectorProperties;
import io.ferrum.assurance.drift.DriftProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Assurance's settings, and the schedule that re-opens expired acceptances (the collector has its own threads). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({DriftProperties.class, CollectorProperties.class})
public class AssuranceConfiguration {
}
