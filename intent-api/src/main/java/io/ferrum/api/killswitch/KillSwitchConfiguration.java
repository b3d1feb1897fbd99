package io.ferrum.api.killswitch;

import io.ferrum.api.pipelines.PipelineProperties;
import io.ferrum.model.changelog.ChangeLogQuery;
import io.ferrum.model.changelog.IntentChanged;
import io.ferrum.model.exchange.ExchangeConnectionRepository;
import io.ferrum.model.exchange.ExchangeService;
import io.ferrum.provisioning.driver.Timeouts;
import io.ferrum.provisioning.driver.snmp.SnmpCredentials;
import io.ferrum.provisioning.driver.snmp.SnmpDriver;
import io.ferrum.provisioning.driver.ssh.FileHostKeyPins;
import io.ferrum.provisioning.driver.ssh.HostKeyPins;
import io.ferrum.provisioning.driver.ssh.SshCredentials;
import io.ferrum.provisioning.driver.ssh.SshDriver;
import io.ferrum.provisioning.killswitch.KillJournal;
import io.ferrum.provisioning.killswitch.KillPlanFile;
import io.ferrum.provisioning.killswitch.KillPlans;
import io.ferrum.provisioning.killswitch.KillSwitch;
import io.ferrum.provisioning.killswitch.LinkReader;
import io.ferrum.provisioning.killswitch.PortChannel;
import io.ferrum.provisioning.killswitch.ShellPortChannel;
import io.ferrum.provisioning.killswitch.SnmpLinkReader;
import io.ferrum.provisioning.killswitch.SnmpPortChannel;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The kill switch on this node: its plan and journal under FERRUM_HOME/kill-switch, its channels (the device shell
 * with the pipelines' SSH key on standing sessions, then SNMP SET when a write community is set), and the
 * maintenance that keeps the plan current and copies the journal into PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(KillSwitchProperties.class)
class KillSwitchConfiguration {

    /**
     * FERRUM_HOME/kill-switch; with an ephemeral database (tests, demos) a fresh temporary directory, since a plan
     * and a journal that outlive their database would be copied into the next one.
     */
    @Bean
    KillSwitchDirectory killSwitchDirectory(KillSwitchProperties properties, @Value("${ferrum.db.home}") Path home,
                                            @Value("${ferrum.db.ephemeral:false}") boolean ephemeral)
            throws java.io.IOException {
        if (properties.directory() != null) {
            return new KillSwitchDirectory(properties.directory());
        }
        return new KillSwitchDirectory(ephemeral ? java.nio.file.Files.createTempDirectory("ferrum-kill-switch")
                : home.resolve("kill-switch"));
    }

    /** Where this node keeps its kill plan and journal. */
    record KillSwitchDirectory(Path path) {
    }

    static String node() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }

    @Bean
    KillPlans killPlans(JdbcTemplate jdbc, ChangeLogQuery changeLog, KillSwitchDirectory directory) {
        return new KillPlans(jdbc, changeLog, new KillPlanFile(directory.path()));
    }

    @Bean
    KillJournal killJournal(KillSwitchDirectory directory) {
        return new KillJournal(directory.path());
    }

    @Bean
    KillSwitchIntent killSwitchIntent(JdbcTemplate jdbc, TransactionTemplate transactions, ExchangeService exchanges,
                                      ExchangeConnectionRepository connections, KillJournal journal,
                                      ObjectMapper json) {
        return new KillSwitchIntent(jdbc, transactions, exchanges, connections, journal, json, node());
    }

    @Bean(destroyMethod = "close")
    KillSwitch killSwitch(KillPlans plans, KillJournal journal, KillSwitchIntent intent,
                          KillSwitchProperties properties, PipelineProperties pipelines) {
        Timeouts timeouts = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
        List<PortChannel> channels = new ArrayList<>();
        List<LinkReader> readers = new ArrayList<>();
        if (pipelines.sshPrivateKey() != null) {
            HostKeyPins pins = pipelines.knownHosts() == null ? HostKeyPins.inMemory()
                    : FileHostKeyPins.load(pipelines.knownHosts());
            ShellPortChannel shell = new ShellPortChannel(new SshDriver(timeouts, pins), new SshCredentials.PrivateKey(
                    pipelines.sshUser(), pipelines.sshPrivateKey(), null), timeouts.command());
            channels.add(shell);
            readers.add(shell);
        }
        SnmpDriver snmp = new SnmpDriver(new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(500),
                Duration.ofSeconds(3)), 1);
        if (properties.snmpWriteCommunity() != null && !properties.snmpWriteCommunity().isBlank()) {
            channels.add(new SnmpPortChannel(snmp, new SnmpCredentials.Community(properties.snmpWriteCommunity())));
        }
        readers.add(new SnmpLinkReader(snmp, new SnmpCredentials.Community(properties.snmpCommunity())));
        java.util.Map<String, io.ferrum.provisioning.killswitch.VenueKill> venues = new java.util.HashMap<>();
        properties.venues().forEach((exchange, venue) -> venues.put(exchange, venue.url() != null
                ? new io.ferrum.provisioning.killswitch.HttpVenueKill(venue.url(), venue.timeout())
                : new io.ferrum.provisioning.killswitch.CommandVenueKill(venue.command(), venue.timeout())));
        KillSwitch killSwitch = new KillSwitch(plans::current, channels, readers, journal,
                new KillSwitch.Settings(properties.verifyTimeout(), properties.verifyEvery(),
                        properties.releaseBatch(), properties.releasePace()), intent::changed, node(), venues);
        // engaged before a restart, or by the CLI's break-glass while the server was down: still engaged
        killSwitch.restore(journal.read());
        return killSwitch;
    }

    @Bean
    KillSwitchService killSwitchService(KillSwitch killSwitch, KillPlans plans, JdbcTemplate jdbc,
                                        KillSwitchProperties properties, ObjectMapper json) {
        return new KillSwitchService(killSwitch, plans, jdbc, properties, json);
    }

    @Bean
    KillSwitchMaintenance killSwitchMaintenance(KillPlans plans, KillSwitch killSwitch, KillSwitchIntent intent,
                                                KillSwitchProperties properties) {
        return new KillSwitchMaintenance(plans, killSwitch, intent, properties);
    }

    @Bean
    PlanWatch killPlanWatch(KillSwitchMaintenance maintenance) {
        return new PlanWatch(maintenance);
    }

    /** Every committed intent change may move an exchange-facing link: recompute the plan soon. */
    static final class PlanWatch {
        private final KillSwitchMaintenance maintenance;

        PlanWatch(KillSwitchMaintenance maintenance) {
            this.maintenance = maintenance;
        }

        @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
        void on(IntentChanged change) {
            maintenance.planSoon();
        }
    }
}
