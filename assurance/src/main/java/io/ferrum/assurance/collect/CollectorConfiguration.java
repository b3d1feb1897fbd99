package io.ferrum.assurance.collect;

import io.ferrum.assurance.observe.ObservationSnapshots;
import io.ferrum.model.changelog.ChangeLogQuery;
import io.ferrum.model.changelog.IntentChanged;
import io.ferrum.model.inventory.SiteInventoryLoader;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.snmp.SnmpCredentials;
import io.ferrum.provisioning.driver.snmp.SnmpDriver;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The collector, when {@code ferrum.assurance.collector.enabled} (the default; one-shot CLI commands and tests turn
 * it off). The application may supply the {@link DevicePoller} (credentials) and the {@link RenderedConfigs}; without
 * them the collector polls with SNMP only (plus SSH when {@code ssh-private-key} is set) and skips the config check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CollectorProperties.class)
@ConditionalOnProperty(name = "ferrum.assurance.collector.enabled", havingValue = "true", matchIfMissing = true)
class CollectorConfiguration {

    @Bean
    SiteIntents siteIntents(JdbcTemplate jdbc, SiteInventoryLoader inventories, ChangeLogQuery changeLog,
                            ObjectProvider<RenderedConfigs> rendered, CollectorProperties properties) {
        return new SiteIntents(jdbc, inventories, changeLog, rendered.getIfAvailable(() -> RenderedConfigs.NONE),
                properties);
    }

    @Bean
    Collector collector(CollectorProperties properties, ObjectProvider<DevicePoller> poller, SiteIntents intents,
                        PollRecorder recorder, ObservationSnapshots snapshots) {
        return new Collector(properties, poller.getIfAvailable(() -> defaultPoller(properties)), intents, recorder,
                snapshots, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(name = "ferrum.assurance.collector.traps.enabled", havingValue = "true",
            matchIfMissing = true)
    TrapListener trapListener(CollectorProperties properties, Collector collector) {
        return new TrapListener(properties.traps(), collector);
    }

    @Bean
    IntentWatch intentWatch(Collector collector) {
        return new IntentWatch(collector);
    }

    /** SNMP with the configured community; SSH with the configured key, if any. */
    static DevicePoller defaultPoller(CollectorProperties properties) {
        Timeouts timeouts = timeouts(properties);
        SshDriver ssh = properties.sshPrivateKey() == null ? null : new SshDriver(timeouts, HostKeyPins.inMemory());
        return new DriverPoller(new SnmpDriver(timeouts, properties.snmpRetries()),
                new SnmpCredentials.Community(properties.snmpCommunity()), ssh,
                ssh == null ? null : t -> new SshCredentials.PrivateKey(properties.sshUser(),
                        properties.sshPrivateKey(), null), properties.commandTimeout(), Clock.systemUTC());
    }

    /** Connect for SSH login, read for each SNMP request, command for an SSH command or a whole SNMP walk. */
    static Timeouts timeouts(CollectorProperties properties) {
        return new Timeouts(properties.connectTimeout(), properties.readTimeout(), properties.commandTimeout());
    }

    /** Every committed intent write (API, planner, kill switch) makes the collector reload and re-audit. */
    static final class IntentWatch {
        private final Collector collector;

        IntentWatch(Collector collector) {
            this.collector = collector;
        }

        @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
        void on(IntentChanged change) {
            collector.intentChanged();
        }
    }
}
