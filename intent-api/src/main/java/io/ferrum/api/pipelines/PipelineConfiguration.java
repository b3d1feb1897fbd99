package io.ferrum.api.pipelines;

import io.ferrum.provisioning.secrets.CredentialKind;
import io.ferrum.provisioning.secrets.CredentialStore;
import io.ferrum.model.secrets.SecretCipher;

import io.ferrum.api.render.DeviceConfigs;
import io.ferrum.model.dcim.DeviceRepository;
import io.ferrum.model.inventory.SiteInventoryLoader;
import io.ferrum.provisioning.driver.DriverException;
import io.ferrum.provisioning.driver.FailureReason;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.ssh.FileHostKeyPins;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.driver.ssh.SshTarget;
import io.ferrum.provisioning.pipeline.DesiredConfigs;
import io.ferrum.provisioning.driver.netconf.NetconfDriver;
import io.ferrum.provisioning.pipeline.DeviceShellChannel;
import io.ferrum.provisioning.pipeline.NetconfChannel;
import io.ferrum.provisioning.pipeline.PipelineEngine;
import io.ferrum.provisioning.pipeline.PipelineRuns;
import io.ferrum.provisioning.pipeline.PipelineScheduler;
import io.ferrum.provisioning.pipeline.TargetResolver;
import io.ferrum.standards.render.RenderTarget;
import io.ferrum.standards.render.TemplateRenderException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.quartz.SchedulerException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the provisioning pipeline engine into the application: intent resolves targets, the site standard's
 * templates give desired configs (provisioning never sees standards), the device shell over SSH is the channel,
 * and Quartz in the same PostgreSQL schedules runs across nodes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipelineProperties.class)
class PipelineConfiguration {

    @Bean
    PipelineRuns pipelineRuns(JdbcTemplate jdbc, TransactionTemplate transactions,
                              org.springframework.context.ApplicationEventPublisher events) {
        PipelineRuns runs = new PipelineRuns(jdbc, transactions);
        runs.onFinished(run -> events.publishEvent(new PipelineRunFinished(run)));
        return runs;
    }

    @Bean
    io.ferrum.provisioning.pipeline.PipelineSchedules pipelineSchedules(JdbcTemplate jdbc) {
        return new io.ferrum.provisioning.pipeline.PipelineSchedules(jdbc);
    }

    @Bean
    TargetResolver targetResolver(SiteInventoryLoader inventories, DeviceRepository devices,
                                  org.springframework.transaction.PlatformTransactionManager transactions) {
        return new TargetResolver(inventories, devices, transactions);
    }

    @Bean
    DesiredConfigs desiredConfigs(DeviceConfigs configs) {
        return (hostname, target) -> {
            try {
                return configs.render(hostname, RenderTarget.of(target)).text();
            } catch (TemplateRenderException e) {
                throw new DesiredConfigs.DesiredConfigException(e.getMessage(), e);
            }
        };
    }

    @Bean
    PipelineEngine pipelineEngine(PipelineRuns runs, DesiredConfigs desired, PipelineProperties properties,
                                  io.ferrum.provisioning.pipeline.DesiredFirmware desiredFirmware,
                                  io.ferrum.provisioning.pipeline.FirmwareQuarantine quarantine,
                                  CredentialStore credentials,
                                  org.springframework.beans.factory.ObjectProvider<io.ferrum.provisioning.pipeline.ServerInstall> servers) {
        HostKeyPins pins = properties.knownHosts() == null ? HostKeyPins.inMemory()
                : FileHostKeyPins.load(properties.knownHosts());
        SshDriver ssh = new SshDriver(new Timeouts(properties.connectTimeout(), properties.commandTimeout(),
                properties.commandTimeout()), pins);
        java.util.function.Function<io.ferrum.provisioning.pipeline.DeviceTarget, SshTarget> access = device -> {
            java.util.Optional<SshCredentials> stored = storedSsh(credentials, device.hostname());
            if (stored.isPresent()) {
                return new SshTarget(device.hostname(), device.address(), 22, stored.get());
            }
            if (properties.sshPrivateKey() == null || !Files.isReadable(properties.sshPrivateKey())) {
                throw new DriverException(FailureReason.AUTH_FAILED, device.hostname(), "no SSH credential to log in "
                        + "with: store one (PUT /api/v1/credentials/NAME, kind ssh-private-key or ssh-password) or set "
                        + "ferrum.pipelines.ssh-private-key (FERRUM_PIPELINES_SSH_PRIVATE_KEY)"
                        + (properties.sshPrivateKey() == null ? "" : "; " + properties.sshPrivateKey()
                        + " is not readable"));
            }
            return new SshTarget(device.hostname(), device.address(), 22,
                    new SshCredentials.PrivateKey(properties.sshUser(), properties.sshPrivateKey(), null));
        };
        return new PipelineEngine(runs, desired, java.util.List.of(new DeviceShellChannel(ssh, access),
                new NetconfChannel(new NetconfDriver(ssh), access, properties.confirmTimeout())),
                new PipelineEngine.Limits(properties.globalConcurrency(), properties.maxAttempts(),
                        properties.firstBackoff()),
                desiredFirmware, new io.ferrum.provisioning.pipeline.DeviceShellFirmware(ssh, access), quarantine)
                .serverInstall(servers.getIfAvailable());
    }

    /** The device's SSH credential from the store: a private key wins over a password. */
    private static java.util.Optional<SshCredentials> storedSsh(CredentialStore credentials, String hostname) {
        try {
            java.util.Optional<SshCredentials> key = credentials.resolve(CredentialKind.SSH_PRIVATE_KEY, hostname)
                    .map(c -> new SshCredentials.KeyText(c.username(), c.secret()));
            return key.isPresent() ? key : credentials.resolve(CredentialKind.SSH_PASSWORD, hostname)
                    .map(c -> new SshCredentials.Password(c.username(), c.secret()));
        } catch (SecretCipher.SecretException e) {
            throw new DriverException(FailureReason.AUTH_FAILED, hostname, e.getMessage());
        }
    }

    @Bean(destroyMethod = "close")
    PipelineScheduler pipelineScheduler(DataSource dataSource, PipelineEngine engine, PipelineRuns runs,
                                        PipelineProperties properties) throws SchedulerException {
        PipelineScheduler scheduler = new PipelineScheduler(dataSource, engine, runs, properties.schedulerThreads(),
                properties.clusterCheckin().toMillis());
        if (properties.enabled()) {
            scheduler.start();
        }
        return scheduler;
    }
}
