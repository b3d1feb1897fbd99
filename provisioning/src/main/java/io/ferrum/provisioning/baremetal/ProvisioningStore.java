package io.ferrum.provisioning.baremetal;

import io.ferrum.model.common.IntentException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The servers' provisioning state machine in PostgreSQL. Every transition is one conditional update (it happens only
 * from the states it names, so the deploy worker, the agent's callbacks and an operator cannot overwrite each
 * other) and its audit event, in one transaction.
 */
public class ProvisioningStore {

    private static final Set<ProvisionState> ANY = EnumSet.allOf(ProvisionState.class);
    /** Every server of intent has a row here: one not yet touched by provisioning shows as {@code enrolled}. */
    private static final String SELECT = "SELECT p.*, d.id AS server_id, d.hostname, coalesce(p.state, 'enrolled') AS "
            + "server_state FROM device d LEFT JOIN server_provisioning p ON p.device_id = d.id ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ProvisioningStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A server of intent: its device id, hostname, site and BMC address (its primary IP). */
    public record Server(long deviceId, String hostname, String site, String bmcAddress) {
    }

    /** The server named, which must be a device of role server. */
    public Server server(String hostname) {
        return servers("d.hostname = ?", hostname).stream().findFirst().orElseThrow(() -> IntentException.notFound(
                "device", "no server named '" + hostname + "' (bare-metal provisioning is for devices of role server)"));
    }

    public Server server(long deviceId) {
        return servers("d.id = ?", deviceId).stream().findFirst().orElseThrow(() -> IntentException.notFound("id",
                "no server with id " + deviceId + " (bare-metal provisioning is for devices of role server)"));
    }

    private List<Server> servers(String where, Object arg) {
        return jdbc.query("SELECT d.id, d.hostname, s.code, host(a.address) AS bmc FROM device d JOIN site s ON s.id = "
                + "d.site_id LEFT JOIN ip_address a ON a.id = d.primary_ip_id WHERE d.role = 'server' AND " + where,
                (rs, i) -> new Server(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), arg);
    }

    /** The server's row, created {@code enrolled} on first use. */
    public ServerProvisioning ensure(long deviceId, String actor) {
        return transactions.execute(tx -> {
            int created = jdbc.update("INSERT INTO server_provisioning (device_id, state) VALUES (?, 'enrolled') "
                    + "ON CONFLICT (device_id) DO NOTHING", deviceId);
            if (created == 1) {
                event(deviceId, null, ProvisionState.ENROLLED, null, null, actor, null);
            }
            return find(deviceId).orElseThrow();
        });
    }

    public Optional<ServerProvisioning> find(long deviceId) {
        return jdbc.query(SELECT + "WHERE d.role = 'server' AND d.id = ?", ProvisioningStore::row, deviceId).stream()
                .findFirst();
    }

    /** The server whose port has this MAC (any port: the one it network-boots from). */
    public Optional<ServerProvisioning> findByMac(String mac) {
        return jdbc.query(SELECT + "WHERE d.role = 'server' AND d.id IN (SELECT device_id FROM port WHERE mac = "
                + "?::macaddr)",
                ProvisioningStore::row, mac).stream().findFirst();
    }

    /** The server a deploy agent's token belongs to, while the token is valid. */
    public Optional<ServerProvisioning> findByToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.query(SELECT + "WHERE p.token_sha256 = ?", ProvisioningStore::row, sha256(token)).stream()
                .findFirst();
    }

    public List<ServerProvisioning> bySite(String site) {
        return jdbc.query(SELECT + "JOIN site s ON s.id = d.site_id WHERE d.role = 'server' AND s.code = ? "
                + "ORDER BY d.hostname",
                ProvisioningStore::row, site);
    }

    /** The MAC a server network-boots from: its first port with one, data ports before the BMC's. */
    public Optional<String> pxeMac(long deviceId) {
        return jdbc.queryForList("SELECT mac::text FROM port WHERE device_id = ? AND mac IS NOT NULL ORDER BY kind = "
                + "'mgmt', id LIMIT 1", String.class, deviceId).stream().findFirst();
    }

    /** One row of a server's audit trail: a transition, or a milestone inside a state (from = to). */
    public record Event(Instant at, String fromState, String toState, String reason, String detail, String actor,
                        Long runId) {
    }

    /** The server's audit trail, oldest first. */
    public List<Event> events(long deviceId) {
        return jdbc.query("SELECT at, from_state, to_state, reason, detail, actor, run_id FROM "
                + "server_provisioning_event WHERE device_id = ? ORDER BY id", (rs, i) -> new Event(
                instant(rs, "at"), rs.getString("from_state"), rs.getString("to_state"), rs.getString("reason"),
                rs.getString("detail"), rs.getString("actor"), (Long) rs.getObject("run_id")), deviceId);
    }

    public void desire(long deviceId, long imageId, String actor) {
        transactions.executeWithoutResult(tx -> {
            ServerProvisioning row = ensure(deviceId, actor);
            if (!java.util.Objects.equals(row.desiredImageId(), imageId)) {
                jdbc.update("UPDATE server_provisioning SET desired_image_id = ?, updated_at = now() WHERE device_id = ?",
                        imageId, deviceId);
                event(deviceId, row.state(), row.state(), "desired-image", "image " + imageId, actor, null);
            }
        });
    }

    /** {@code enrolled → available}: its BMC answered. */
    public void available(long deviceId, String actor) {
        move(deviceId, EnumSet.of(ProvisionState.ENROLLED), ProvisionState.AVAILABLE, "", List.of(), "bmc-answered",
                null, actor, null);
    }

    /**
     * Starts a deploy of {@code imageId} for run {@code runId}: {@code deploying}, or {@code rebuilding} over an
     * active server. Any earlier deploy's token dies.
     */
    public boolean startDeploy(long deviceId, long imageId, long runId, Instant deadline, String actor) {
        ServerProvisioning row = find(deviceId).orElseThrow();
        ProvisionState to = row.state() == ProvisionState.ACTIVE ? ProvisionState.REBUILDING : ProvisionState.DEPLOYING;
        return move(deviceId, ANY, to, "deploying_image_id = ?, deadline = ?, power_done_at = NULL, bytes_written = 0, "
                + "bytes_total = NULL, failure_reason = NULL, failure_detail = NULL, token_sha256 = NULL, run_id = ?",
                List.of(imageId, Timestamp.from(deadline), runId), "deploy", "image " + imageId, actor, runId);
    }

    /** The server was powered into its network boot: now the agent must call back before {@code deadline}. */
    public boolean powered(long deviceId, Instant deadline, String actor, long runId) {
        return move(deviceId, EnumSet.of(ProvisionState.DEPLOYING, ProvisionState.REBUILDING),
                ProvisionState.WAIT_CALLBACK, "power_done_at = now(), deadline = ?", List.of(Timestamp.from(deadline)),
                "power-on", "boot device pxe, powered on", actor, runId);
    }

    /**
     * A fresh one-time token for the agent the server is network-booting now (the token in its iPXE script); the
     * previous one dies. Empty when the server is not deploying.
     */
    public Optional<String> mintToken(long deviceId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        int updated = jdbc.update("UPDATE server_provisioning SET token_sha256 = ?, updated_at = now() WHERE device_id "
                + "= ? AND state IN ('deploying', 'rebuilding', 'wait-callback')", sha256(token), deviceId);
        return updated == 1 ? Optional.of(token) : Optional.empty();
    }

    /** A milestone inside a state (agent called back, reboot issued ...), for the audit trail and phase timings. */
    public void milestone(long deviceId, String what, String detail, String actor) {
        ServerProvisioning row = find(deviceId).orElseThrow();
        event(deviceId, row.state(), row.state(), what, detail, actor, row.runId());
    }

    public void progress(long deviceId, long bytesWritten, Long bytesTotal) {
        jdbc.update("UPDATE server_provisioning SET bytes_written = greatest(bytes_written, ?), bytes_total = "
                + "coalesce(?, bytes_total), updated_at = now() WHERE device_id = ? AND state = 'wait-callback'",
                bytesWritten, bytesTotal, deviceId);
    }

    /** The agent wrote and verified the image: {@code wait-callback → verifying}, its token spent. */
    public boolean streamed(long deviceId, long bytes, Instant deadline, String actor) {
        return move(deviceId, EnumSet.of(ProvisionState.WAIT_CALLBACK), ProvisionState.VERIFYING,
                "token_sha256 = NULL, power_done_at = NULL, bytes_written = ?, deadline = ?",
                List.of(bytes, Timestamp.from(deadline)), "image-written", bytes + " bytes verified", actor, null);
    }

    /** The server was network-booted again in {@code wait-callback} (its last boot did not reach the agent). */
    public void repowered(long deviceId, String detail, String actor) {
        jdbc.update("UPDATE server_provisioning SET power_done_at = now(), updated_at = now() WHERE device_id = ? AND "
                + "state = 'wait-callback'", deviceId);
        milestone(deviceId, "network-boot-again", detail, actor);
    }

    /** The reboot into the installed OS was issued (boot device disk, power cycle). */
    public boolean rebooted(long deviceId, String actor) {
        int updated = jdbc.update("UPDATE server_provisioning SET power_done_at = now(), updated_at = now() WHERE "
                + "device_id = ? AND state = 'verifying' AND power_done_at IS NULL", deviceId);
        if (updated == 1) {
            milestone(deviceId, "reboot", "boot device disk, power cycled", actor);
        }
        return updated == 1;
    }

    /**
     * What the installed OS reported on boot. A verifying server reporting the image being deployed becomes
     * {@code active}; one reporting another image fails its deploy.
     */
    public ProvisionState reported(long deviceId, String image, String expected, String actor) {
        return transactions.execute(tx -> {
            jdbc.update("UPDATE server_provisioning SET reported_image = ?, reported_at = now() WHERE device_id = ?",
                    image, deviceId);
            ServerProvisioning row = find(deviceId).orElseThrow();
            if (row.state() != ProvisionState.VERIFYING) {
                event(deviceId, row.state(), row.state(), "report", "booted " + image, actor, row.runId());
                return row.state();
            }
            if (image.equals(expected)) {
                move(deviceId, EnumSet.of(ProvisionState.VERIFYING), ProvisionState.ACTIVE, "installed_image_id = "
                        + "deploying_image_id, deploying_image_id = NULL, deadline = NULL", List.of(), "report",
                        "booted " + image, actor, row.runId());
                return ProvisionState.ACTIVE;
            }
            fail(deviceId, EnumSet.of(ProvisionState.VERIFYING), "IMAGE_MISMATCH", "booted " + image + ", expected "
                    + expected, actor);
            return ProvisionState.DEPLOY_FAILED;
        });
    }

    /** Ends the deploy as {@code deploy-failed} with a reason, if the server is still in one of {@code from}. */
    public boolean fail(long deviceId, Set<ProvisionState> from, String reason, String detail, String actor) {
        return move(deviceId, from, ProvisionState.DEPLOY_FAILED, "token_sha256 = NULL, deadline = NULL, "
                + "failure_reason = ?, failure_detail = ?", List.of(reason, detail), reason, detail, actor, null);
    }

    /** One conditional transition and its event, in one transaction. */
    private boolean move(long deviceId, Set<ProvisionState> from, ProvisionState to, String set, List<Object> args,
                         String reason, String detail, String actor, Long runId) {
        Boolean moved = transactions.execute(tx -> {
            List<String> old = jdbc.queryForList("SELECT state FROM server_provisioning WHERE device_id = ? FOR UPDATE",
                    String.class, deviceId);
            if (old.isEmpty() || !from.contains(ProvisionState.of(old.get(0)))) {
                return false;
            }
            List<Object> all = new ArrayList<>();
            all.add(to.wire());
            all.addAll(args);
            all.add(deviceId);
            jdbc.update("UPDATE server_provisioning SET state = ?" + (set.isEmpty() ? "" : ", " + set)
                    + ", updated_at = now() WHERE device_id = ?", all.toArray());
            event(deviceId, ProvisionState.of(old.get(0)), to, reason, detail, actor, runId);
            return true;
        });
        return Boolean.TRUE.equals(moved);
    }

    private void event(long deviceId, ProvisionState from, ProvisionState to, String reason, String detail,
                       String actor, Long runId) {
        jdbc.update("INSERT INTO server_provisioning_event (device_id, from_state, to_state, reason, detail, actor, "
                + "run_id) VALUES (?, ?, ?, ?, ?, ?, ?)", deviceId, from == null ? null : from.wire(), to.wire(), reason,
                detail, actor, runId);
    }

    /** Only a token's hash is stored: a database dump cannot boot anyone's agent. */
    static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static ServerProvisioning row(ResultSet rs, int i) throws SQLException {
        return new ServerProvisioning(rs.getLong("server_id"), rs.getString("hostname"),
                ProvisionState.of(rs.getString("server_state")), (Long) rs.getObject("desired_image_id"),
                (Long) rs.getObject("deploying_image_id"), (Long) rs.getObject("installed_image_id"),
                instant(rs, "deadline"), instant(rs, "power_done_at"), rs.getLong("bytes_written"),
                (Long) rs.getObject("bytes_total"), rs.getString("failure_reason"), rs.getString("failure_detail"),
                rs.getString("reported_image"), instant(rs, "reported_at"), (Long) rs.getObject("run_id"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
