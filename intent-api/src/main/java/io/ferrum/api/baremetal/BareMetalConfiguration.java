package io.ferrum.api.baremetal;

import io.ferrum.provisioning.baremetal.AgentCallbacks;
import io.ferrum.provisioning.baremetal.BmcChannel;
import io.ferrum.provisioning.baremetal.DeployWaits;
import io.ferrum.provisioning.baremetal.IpmiBmc;
import io.ferrum.provisioning.baremetal.OsImageCatalogue;
import io.ferrum.provisioning.baremetal.OsInstaller;
import io.ferrum.provisioning.baremetal.ProvisioningStore;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.ipmi.IpmiDriver;
import io.ferrum.provisioning.firmware.ImageStore;
import io.ferrum.provisioning.pipeline.PipelineRuns;
import io.ferrum.provisioning.secrets.CredentialStore;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires bare-metal provisioning: the OS image catalogue (in the firmware image store), the servers' state machine,
 * the BMCs over IPMI, and the os-install kind of the pipeline engine.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BareMetalProperties.class)
class BareMetalConfiguration {

    @Bean
    OsImageCatalogue osImageCatalogue(JdbcTemplate jdbc, ImageStore store) {
        return new OsImageCatalogue(jdbc, store);
    }

    @Bean
    ProvisioningStore provisioningStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new ProvisioningStore(jdbc, transactions);
    }

    @Bean
    DeployWaits deployWaits(BareMetalProperties properties) {
        return new DeployWaits(properties.callbackTimeout(), properties.verifyTimeout(), properties.poll());
    }

    @Bean
    Path bareMetalAgentDir(BareMetalProperties properties, @Value("${ferrum.db.home}") Path home) {
        return properties.agentDir() != null ? properties.agentDir() : home.resolve("boot").resolve("agent");
    }

    @Bean
    BmcChannel bmcChannel(BareMetalProperties properties, CredentialStore credentials) {
        Timeouts timeouts = new Timeouts(properties.bmcTimeout(), properties.bmcTimeout(),
                properties.bmcTimeout().multipliedBy(2));
        IpmiDriver driver = properties.ipmitool() == null ? IpmiDriver.onPath(timeouts)
                : new IpmiDriver(timeouts, properties.ipmitool());
        return new IpmiBmc(driver, credentials, properties.bmcPort(),
                properties.bmcCipherSuite() == 0 ? null : properties.bmcCipherSuite());
    }

    @Bean
    AgentCallbacks agentCallbacks(ProvisioningStore store, OsImageCatalogue images, DeployWaits waits,
                                  BareMetalProperties properties) {
        return new AgentCallbacks(store, images, waits, properties.disk(), Clock.systemUTC());
    }

    @Bean
    OsInstaller osInstaller(ProvisioningStore store, OsImageCatalogue images, BmcChannel bmc, PipelineRuns runs,
                            DeployWaits waits) {
        return new OsInstaller(store, images, bmc, runs, waits, Clock.systemUTC());
    }
}
