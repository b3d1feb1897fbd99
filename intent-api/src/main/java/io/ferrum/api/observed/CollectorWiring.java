package io.ferrum.api.observed;

import io.ferrum.api.pipelines.PipelineProperties;
import io.ferrum.api.render.DeviceConfigs;
import io.ferrum.assurance.collect.CollectorProperties;
import io.ferrum.assurance.collect.DevicePoller;
import io.ferrum.assurance.collect.DriverPoller;
import io.ferrum.assurance.collect.RenderedConfigs;
import io.ferrum.model.common.IntentException;
import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.snmp.SnmpCredentials;
import io.ferrum.provisioning.driver.snmp.SnmpDriver;
import io.ferrum.provisioning.driver.ssh.FileHostKeyPins;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.standards.render.RenderTarget;
import io.ferrum.standards.render.RenderedConfig;
import io.ferrum.standards.render.TemplateRenderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives assurance's collector what only the application knows: how to log in to devices (the collector's own key,
 * else the pipelines' key, with the pipelines' host-key pins) and the configs devices should run (rendered with the
 * site standard's shell templates, as config runs push them).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ferrum.assurance.collector.enabled", havingValue = "true", matchIfMissing = true)
class CollectorWiring {

    private static final Logger log = LoggerFactory.getLogger(CollectorWiring.class);

    @Bean
    DevicePoller devicePoller(CollectorProperties collector, PipelineProperties pipelines) {
        Timeouts timeouts = new Timeouts(collector.connectTimeout(), collector.readTimeout(),
                collector.commandTimeout());
        HostKeyPins pins = pipelines.knownHosts() == null ? HostKeyPins.inMemory()
                : FileHostKeyPins.load(pipelines.knownHosts());
        Path key = collector.sshPrivateKey() != null ? collector.sshPrivateKey() : pipelines.sshPrivateKey();
        String user = collector.sshPrivateKey() != null ? collector.sshUser() : pipelines.sshUser();
        return new DriverPoller(new SnmpDriver(timeouts, collector.snmpRetries()),
                new SnmpCredentials.Community(collector.snmpCommunity()),
                key == null ? null : new SshDriver(timeouts, pins),
                key == null ? null : target -> {
                    if (!Files.isReadable(key)) {
                        throw new DriverException(FailureReason.AUTH_FAILED, target.hostname(), "the SSH key "
                                + key + " is not readable");
                    }
                    return new SshCredentials.PrivateKey(user, key, null);
                }, collector.commandTimeout(), Clock.systemUTC());
    }

    @Bean
    RenderedConfigs renderedConfigs(DeviceConfigs configs) {
        return site -> {
            try {
                Map<String, String> bySite = new LinkedHashMap<>();
                for (RenderedConfig config : configs.renderSite(site, RenderTarget.SHELL)) {
                    bySite.put(config.device(), config.text());
                }
                return bySite;
            } catch (IntentException | TemplateRenderException e) {
                // no standard, or a template error: the config check waits until the site renders again
                log.warn("Site {}: no rendered configs to audit against: {}", site, e.getMessage());
                return Map.of();
            }
        };
    }
}
