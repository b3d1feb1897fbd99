-- Kill-switch drills: an engage and release on a designated scope, with the report regulators ask for (who, when,
-- scope, per-link timings, failures), kept for the annual self-assessment.
CREATE TABLE kill_switch_drill (
    id          uuid PRIMARY KEY,
    scope       text        NOT NULL,
    actor       text        NOT NULL,
    reason      text        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    report      jsonb       NOT NULL
);
