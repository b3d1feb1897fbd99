package io.ferrum.assurance.collect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Poll health per device in PostgreSQL: one row per device, updated by every poll. */
@Service
@Transactional
public class PollHealthStore {

    private static final String COLUMNS = "device, site, last_poll_at, last_duration_ms, last_success_at, "
            + "last_error_at, last_error_reason, last_error_message, consecutive_failures, polls, overruns";
    private static final RowMapper<PollHealth> MAPPER = (rs, n) -> new PollHealth(rs.getString(1), rs.getString(2),
            instant(rs, 3), (Long) rs.getObject(4), instant(rs, 5), instant(rs, 6), rs.getString(7), rs.getString(8),
            rs.getInt(9), rs.getLong(10), rs.getLong(11));

    private final JdbcTemplate jdbc;

    PollHealthStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one poll: a success when {@code problem} is null, else the failed part's reason and message. */
    void polled(String site, String device, Instant at, Duration took, PollProblem problem) {
        Timestamp ts = Timestamp.from(at);
        if (problem == null) {
            jdbc.update("INSERT INTO poll_health (device, site, last_poll_at, last_duration_ms, last_success_at, polls) "
                    + "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (device) DO UPDATE SET site = EXCLUDED.site, "
                    + "last_poll_at = EXCLUDED.last_poll_at, last_duration_ms = EXCLUDED.last_duration_ms, "
                    + "last_success_at = EXCLUDED.last_success_at, consecutive_failures = 0, "
                    + "polls = poll_health.polls + 1", device, site, ts, took.toMillis(), ts);
        } else {
            jdbc.update("INSERT INTO poll_health (device, site, last_poll_at, last_duration_ms, last_error_at, "
                            + "last_error_reason, last_error_message, consecutive_failures, polls) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1) ON CONFLICT (device) DO UPDATE SET site = EXCLUDED.site, "
                            + "last_poll_at = EXCLUDED.last_poll_at, last_duration_ms = EXCLUDED.last_duration_ms, "
                            + "last_error_at = EXCLUDED.last_error_at, last_error_reason = EXCLUDED.last_error_reason, "
                            + "last_error_message = EXCLUDED.last_error_message, "
                            + "consecutive_failures = poll_health.consecutive_failures + 1, "
                            + "polls = poll_health.polls + 1", device, site, ts, took.toMillis(), ts,
                    problem.reason().name(), problem.part() + ": " + problem.message());
        }
    }

    /** The device's poll was still running when its next turn came. */
    void overran(String site, String device) {
        jdbc.update("INSERT INTO poll_health (device, site, overruns) VALUES (?, ?, 1) ON CONFLICT (device) "
                + "DO UPDATE SET overruns = poll_health.overruns + 1", device, site);
    }

    @Transactional(readOnly = true)
    public Optional<PollHealth> get(String device) {
        return jdbc.query("SELECT " + COLUMNS + " FROM poll_health WHERE device = ?", MAPPER, device).stream()
                .findFirst();
    }

    /** Every device's health, or one site's when {@code site} is not null, by device name. */
    @Transactional(readOnly = true)
    public List<PollHealth> find(String site) {
        return site == null ? jdbc.query("SELECT " + COLUMNS + " FROM poll_health ORDER BY device", MAPPER)
                : jdbc.query("SELECT " + COLUMNS + " FROM poll_health WHERE site = ? ORDER BY device", MAPPER, site);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
