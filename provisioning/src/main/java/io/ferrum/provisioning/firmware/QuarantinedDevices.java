package io.ferrum.provisioning.firmware;

import io.ferrum.provisioning.pipeline.FirmwareQuarantine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The firmware quarantine in PostgreSQL: devices held back after an image did not verify on them. */
public class QuarantinedDevices implements FirmwareQuarantine {

    /** One held-back device. */
    public record Entry(String device, long runId, String reason, Instant quarantinedAt) {
    }

    private final JdbcTemplate jdbc;

    public QuarantinedDevices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> reason(String device) {
        return list().stream().filter(e -> e.device().equals(device)).findFirst()
                .map(e -> "quarantined by run " + e.runId() + " at " + e.quarantinedAt() + ": " + e.reason()
                        + " (release it to include it again)");
    }

    @Override
    public void quarantine(String device, long runId, String reason) {
        jdbc.update("INSERT INTO firmware_quarantine (device, run_id, reason) VALUES (?, ?, ?) ON CONFLICT (device) "
                + "DO UPDATE SET run_id = excluded.run_id, reason = excluded.reason, quarantined_at = now()",
                device, runId, reason);
    }

    public List<Entry> list() {
        return jdbc.query("SELECT device, run_id, reason, quarantined_at FROM firmware_quarantine ORDER BY device",
                (rs, row) -> new Entry(rs.getString("device"), rs.getLong("run_id"), rs.getString("reason"),
                        rs.getTimestamp("quarantined_at").toInstant()));
    }

    /** @return whether the device was held back */
    public boolean release(String device) {
        return jdbc.update("DELETE FROM firmware_quarantine WHERE device = ?", device) > 0;
    }
}
