package io.ferrum.assurance.observe;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Observed state in PostgreSQL, changes only: a poll that saw what the device's latest snapshot holds moves that
 * snapshot's {@code last_seen}; anything different starts a new snapshot. Old snapshots go after the retention
 * period, except each device's latest, which is the current picture however old it is.
 */
@Service
@Transactional
public class ObservationSnapshots {

    private static final String COLUMNS = "id, site, device, observation::text, first_seen, last_seen";
    private static final RowMapper<ObservedSnapshot> MAPPER = (rs, n) -> new ObservedSnapshot(rs.getLong(1),
            rs.getString(2), rs.getString(3), ObservationJson.read(rs.getString(4)),
            rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant());

    private final JdbcTemplate jdbc;

    ObservationSnapshots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores one poll's observation; true when it differs from the device's latest snapshot (a new one began). */
    public boolean record(String site, DeviceObservation observation) {
        String content = ObservationJson.content(observation);
        Timestamp at = Timestamp.from(observation.at());
        List<String> latest = jdbc.queryForList("SELECT content FROM observed_snapshot WHERE device = ? "
                + "ORDER BY id DESC LIMIT 1", String.class, observation.hostname());
        if (!latest.isEmpty() && latest.get(0).equals(content)) {
            jdbc.update("UPDATE observed_snapshot SET last_seen = ? WHERE id = (SELECT max(id) FROM observed_snapshot "
                    + "WHERE device = ?) AND last_seen < ?", at, observation.hostname(), at);
            return false;
        }
        jdbc.update("INSERT INTO observed_snapshot (site, device, content, observation, first_seen, last_seen) "
                        + "VALUES (?, ?, ?, ?::jsonb, ?, ?)", site, observation.hostname(), content,
                ObservationJson.write(observation), at, at);
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<ObservedSnapshot> latest(String device) {
        return jdbc.query("SELECT " + COLUMNS + " FROM observed_snapshot WHERE device = ? ORDER BY id DESC LIMIT 1",
                MAPPER, device).stream().findFirst();
    }

    /** A device's snapshots, newest first. */
    @Transactional(readOnly = true)
    public List<ObservedSnapshot> history(String device, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM observed_snapshot WHERE device = ? ORDER BY id DESC LIMIT ?",
                MAPPER, device, limit);
    }

    /** Deletes snapshots last seen before {@code cutoff}, keeping every device's latest; returns how many went. */
    public int prune(Instant cutoff) {
        return jdbc.update("DELETE FROM observed_snapshot s WHERE last_seen < ? AND id < (SELECT max(id) "
                + "FROM observed_snapshot l WHERE l.device = s.device)", Timestamp.from(cutoff));
    }
}
