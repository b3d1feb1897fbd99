-- Observed state: what the collector saw of each device, one row per distinct picture. A poll that sees exactly what
-- the latest row holds only moves that row's last_seen, so the table grows with changes, not with polls.
CREATE TABLE observed_snapshot (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site        text        NOT NULL,
    device      text        NOT NULL,
    content     text        NOT NULL,   -- SHA-256 of the observation without its time: equal means unchanged
    observation jsonb       NOT NULL,
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL
);

CREATE INDEX observed_snapshot_device_idx ON observed_snapshot (device, id DESC);
CREATE INDEX observed_snapshot_last_seen_idx ON observed_snapshot (last_seen);

-- How polling each device goes, for ops: the last success, the last error with its driver reason, how long the
-- last poll took and how often a poll was still running when the next one was due (an overrun).
CREATE TABLE poll_health (
    device               text        PRIMARY KEY,
    site                 text        NOT NULL,
    last_poll_at         timestamptz,
    last_duration_ms     bigint,
    last_success_at      timestamptz,
    last_error_at        timestamptz,
    last_error_reason    text,
    last_error_message   text,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    polls                bigint      NOT NULL DEFAULT 0,
    overruns             bigint      NOT NULL DEFAULT 0
);

CREATE INDEX poll_health_site_idx ON poll_health (site);
