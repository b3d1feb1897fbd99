package io.ferrum.provisioning.killswitch;

import io.ferrum.model.changelog.ChangeLogQuery;
import io.ferrum.model.exchange.ConnectionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Computes the kill plan from intent and keeps this node's copy current: in memory for engage, on disk for engage
 * with the database down and for the CLI's break-glass. {@link #refresh()} runs on start and after every committed
 * intent change; it recomputes only when the intent's revision moved. Every connection that may carry traffic
 * (planned, active or killed; not disconnected) is in the plan, with its device's management address.
 */
public final class KillPlans {

    private static final Logger log = LoggerFactory.getLogger(KillPlans.class);

    private final JdbcTemplate jdbc;
    private final ChangeLogQuery changeLog;
    private final KillPlanFile file;
    private volatile KillPlan current;

    public KillPlans(JdbcTemplate jdbc, ChangeLogQuery changeLog, KillPlanFile file) {
        this.jdbc = jdbc;
        this.changeLog = changeLog;
        this.file = file;
    }

    /** The plan engage uses: the one in memory, else the node's file (after a restart with the database down). */
    public Optional<KillPlan> current() {
        KillPlan plan = current;
        if (plan == null) {
            plan = file.read().orElse(null);
            current = plan;
        }
        return Optional.ofNullable(plan);
    }

    public synchronized KillPlan refresh() {
        long revision = changeLog.revision();
        KillPlan known = current;
        if (known != null && known.revision() == revision) {
            return known;
        }
        KillPlan plan = compute(revision);
        file.write(plan);
        current = plan;
        log.info("kill plan: {} exchange-facing links at intent revision {} ({})", plan.links().size(), revision,
                file.path());
        return plan;
    }

    /** One query over every site: cheap enough to run after every intent change. */
    private KillPlan compute(long revision) {
        List<KillLink> links = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        jdbc.query("SELECT c.circuit_id, e.code AS exchange, c.kill_switch_group, s.code AS site, d.hostname, "
                + "host(ip.address) AS address, p.name AS port FROM exchange_connection c "
                + "JOIN exchange e ON e.id = c.exchange_id JOIN site s ON s.id = c.site_id "
                + "JOIN device d ON d.id = c.device_id "
                + "JOIN exchange_connection_port cp ON cp.connection_id = c.id JOIN port p ON p.id = cp.port_id "
                + "LEFT JOIN ip_address ip ON ip.id = d.primary_ip_id "
                + "WHERE c.status <> ?", rs -> {
                    String address = rs.getString("address");
                    if (address == null) {
                        unreachable.add(rs.getString("circuit_id"));
                        return;
                    }
                    links.add(new KillLink(rs.getString("circuit_id"), rs.getString("exchange"),
                            rs.getString("kill_switch_group"), rs.getString("site"), rs.getString("hostname"),
                            address, rs.getString("port")));
                }, ConnectionStatus.DISCONNECTED.wire());
        if (!unreachable.isEmpty()) {
            log.warn("kill plan: {} hand-offs are on devices without a management address; the kill switch cannot "
                    + "reach them: {}", unreachable.size(), unreachable.stream().limit(10).toList());
        }
        links.sort(java.util.Comparator.comparing(KillLink::key));
        return new KillPlan(revision, Instant.now(), links);
    }
}
