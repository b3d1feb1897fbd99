package io.ferrum.api.killswitch;

import io.ferrum.model.changelog.ChangeContext;
import io.ferrum.model.exchange.ConnectionStatus;
import io.ferrum.model.exchange.ExchangeConnection;
import io.ferrum.model.exchange.ExchangeConnectionRepository;
import io.ferrum.model.exchange.ExchangeService;
import io.ferrum.provisioning.killswitch.Engagement;
import io.ferrum.provisioning.killswitch.JournalRecord;
import io.ferrum.provisioning.killswitch.KillJournal;
import io.ferrum.provisioning.killswitch.LinkResult;
import io.ferrum.provisioning.killswitch.LinkState;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * What the kill switch leaves in PostgreSQL once it is reachable: its journal, copied record by record exactly once
 * (keyed by record id), and the intent's mark on each connection it holds ({@code killed}, back to {@code active} on
 * release), made through the exchange service so the change log and the auditor see it. Both are retried on every
 * maintenance tick until they succeed: an engage with the database down reaches it when it comes back.
 */
class KillSwitchIntent {

    private static final Logger log = LoggerFactory.getLogger(KillSwitchIntent.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ExchangeService exchanges;
    private final ExchangeConnectionRepository connections;
    private final KillJournal journal;
    private final ObjectMapper json;
    private final String node;
    private volatile Engagement pending;
    private volatile int copied;

    KillSwitchIntent(JdbcTemplate jdbc, TransactionTemplate transactions, ExchangeService exchanges,
                     ExchangeConnectionRepository connections, KillJournal journal, ObjectMapper json, String node) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.exchanges = exchanges;
        this.connections = connections;
        this.journal = journal;
        this.json = json;
        this.node = node;
    }

    /** The switch moved: mark intent now if the database answers, else on a later tick. */
    void changed(Engagement engagement) {
        pending = engagement;
        try {
            markIntent();
        } catch (RuntimeException e) {
            log.warn("kill switch: intent not marked yet (database unreachable?): {}", e.getMessage());
        }
    }

    /** One tick: copy the journal, mark intent. Each part fails alone (logged) and is tried again next tick. */
    void maintain() {
        try {
            copyJournal();
        } catch (RuntimeException e) {
            log.debug("kill switch: journal not copied yet: {}", e.getMessage());
        }
        try {
            markIntent();
        } catch (RuntimeException e) {
            log.debug("kill switch: intent not marked yet: {}", e.getMessage());
        }
    }

    synchronized void copyJournal() {
        List<JournalRecord> records = journal.read();
        if (records.size() == copied) {
            return;
        }
        List<Object[]> rows = records.subList(copied, records.size()).stream().map(r -> new Object[] {
            java.util.UUID.fromString(r.id()), r.engagement(), Timestamp.from(r.at()), r.kind(), r.actor(), node,
            json.writeValueAsString(r.detail())}).toList();
        jdbc.batchUpdate("INSERT INTO kill_switch_journal (record_id, engagement, at, kind, actor, node, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (record_id) DO NOTHING", rows);
        copied = records.size();
    }

    private synchronized void markIntent() {
        Engagement engagement = pending;
        if (engagement == null) {
            return;
        }
        boolean released = engagement.state().equals("released");
        Set<String> circuits = new HashSet<>();
        for (LinkResult link : engagement.links()) {
            if (released || link.state() != LinkState.UP_VERIFIED) {
                circuits.add(link.circuitId());
            }
        }
        String actor = "kill-switch:" + (engagement.actor() == null ? "system" : engagement.actor());
        try (ChangeContext.Scope scope = ChangeContext.open(actor, null)) {
            transactions.executeWithoutResult(tx -> {
                for (String circuit : circuits) {
                    ExchangeConnection connection = connections.findByCircuitId(circuit).orElse(null);
                    if (connection == null) {
                        continue;
                    }
                    if (released && connection.getStatus() == ConnectionStatus.KILLED) {
                        exchanges.release(connection.getId());
                    } else if (!released && connection.getStatus() != ConnectionStatus.KILLED
                            && connection.getStatus() != ConnectionStatus.DISCONNECTED) {
                        exchanges.kill(connection.getId());
                    }
                }
            });
        }
        if (pending == engagement) {
            pending = null;
        }
    }
}
