-- Cron-style schedules of pipeline runs (e.g. a nightly dry-run over every site). Quartz's clustered job store
-- fires each once across the nodes; this table is what people see and edit.
CREATE TABLE pipeline_schedule (
    id              bigserial   PRIMARY KEY,
    name            text        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    cron            text        NOT NULL CHECK (length(cron) <= 200),
    time_zone       text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('config', 'firmware')),
    target          jsonb       NOT NULL,
    options         jsonb       NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_fired_at   timestamptz,
    last_run_id     bigint,
    last_error      text
);

-- Sites whose applied plans start a config run for the devices whose rendered config changed (closed loop).
CREATE TABLE pipeline_closed_loop (
    site        text        PRIMARY KEY,
    channel     text        NOT NULL CHECK (channel IN ('shell', 'netconf')),
    concurrency integer     NOT NULL CHECK (concurrency BETWEEN 1 AND 1000),
    enabled_by  text        NOT NULL,
    enabled_at  timestamptz NOT NULL DEFAULT now()
);
