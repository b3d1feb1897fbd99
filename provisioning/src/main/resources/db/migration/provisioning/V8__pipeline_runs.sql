-- Provisioning pipeline runs: one row per run, one task per device with an explicit state machine, and a timeline
-- of every step a task took (the audit trail of device writes).

CREATE TABLE pipeline_run (
    id              bigserial PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('config', 'firmware')),
    target          jsonb       NOT NULL,
    dry_run         boolean     NOT NULL DEFAULT false,
    concurrency     integer     NOT NULL CHECK (concurrency BETWEEN 1 AND 1000),
    canary          integer     NOT NULL CHECK (canary BETWEEN 0 AND 1000),
    failure_budget  numeric(4, 3) NOT NULL CHECK (failure_budget BETWEEN 0 AND 1),
    state           text        NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'halted', 'cancelled')),
    halt_reason     text,
    actor           text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz
);

CREATE TABLE pipeline_task (
    id               bigserial PRIMARY KEY,
    run_id           bigint      NOT NULL REFERENCES pipeline_run (id) ON DELETE CASCADE,
    device           text        NOT NULL,
    address          text,
    wave             integer     NOT NULL,
    state            text        NOT NULL CHECK (state IN ('pending', 'running', 'done', 'unchanged', 'failed',
                                                           'skipped', 'cancelled')),
    step             text        CHECK (step IN ('check', 'stage', 'apply', 'verify')),
    -- the last step whose effect is confirmed on the device; a resumed task never repeats a confirmed write
    confirmed_step   text        CHECK (confirmed_step IN ('check', 'stage', 'apply', 'verify')),
    attempts         integer     NOT NULL DEFAULT 0,
    desired_sha256   text,
    running_sha256   text,
    diff             text,
    failure_reason   text,
    failure_detail   text,
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (run_id, device)
);

CREATE INDEX pipeline_task_run_state ON pipeline_task (run_id, state);

CREATE TABLE pipeline_task_event (
    id       bigserial PRIMARY KEY,
    task_id  bigint      NOT NULL REFERENCES pipeline_task (id) ON DELETE CASCADE,
    at       timestamptz NOT NULL DEFAULT now(),
    step     text,
    state    text        NOT NULL,
    detail   text
);

CREATE INDEX pipeline_task_event_task ON pipeline_task_event (task_id, id);
