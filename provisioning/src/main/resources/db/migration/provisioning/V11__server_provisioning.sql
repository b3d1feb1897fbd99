-- Bare metal: OS images, and one provisioning state machine per server (Ironic's, without its "fail on restart":
-- a Ferrum node that restarts mid-deploy resumes the server, since the deploy agent keeps retrying its callbacks).

ALTER TABLE pipeline_run DROP CONSTRAINT pipeline_run_kind_check;
ALTER TABLE pipeline_run ADD CONSTRAINT pipeline_run_kind_check CHECK (kind IN ('config', 'firmware', 'os-install'));

-- OS images: stored content-addressed beside firmware (FERRUM_HOME/images), a row only once the bytes verified.
CREATE TABLE os_image (
    id          bigserial   PRIMARY KEY,
    name        text        NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    version     text        NOT NULL CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    format      text        NOT NULL CHECK (format IN ('raw', 'gzip')),
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes  bigint      NOT NULL CHECK (size_bytes > 0),
    uploaded_by text        NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (name, version)
);

CREATE TABLE server_provisioning (
    device_id          bigint      PRIMARY KEY REFERENCES device (id) ON DELETE CASCADE,
    state              text        NOT NULL CHECK (state IN ('enrolled', 'available', 'deploying', 'wait-callback',
                                                             'verifying', 'active', 'deploy-failed', 'rebuilding',
                                                             'cleaning')),
    desired_image_id   bigint      REFERENCES os_image (id),
    -- the image of the deploy in progress, and the one the server last booted and reported
    deploying_image_id bigint      REFERENCES os_image (id),
    installed_image_id bigint      REFERENCES os_image (id),
    -- SHA-256 of the deploy agent's one-time token (minted when the server network-boots into a deploy); never the
    -- token itself
    token_sha256       text,
    -- when the current wait ends (callback, verification); a wait past it fails the deploy
    deadline           timestamptz,
    -- the power action the current state needs was done (so a resumed worker does not power-cycle twice)
    power_done_at      timestamptz,
    bytes_written      bigint      NOT NULL DEFAULT 0,
    bytes_total        bigint,
    failure_reason     text,
    failure_detail     text,
    reported_image     text,
    reported_at        timestamptz,
    run_id             bigint,
    updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX server_provisioning_token ON server_provisioning (token_sha256) WHERE token_sha256 IS NOT NULL;

-- Every transition, and the milestones inside a state (agent's first callback, image written, reboot issued,
-- report), with who caused it: the audit trail and the per-phase timings.
CREATE TABLE server_provisioning_event (
    id          bigserial   PRIMARY KEY,
    device_id   bigint      NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    from_state  text,
    to_state    text        NOT NULL,
    reason      text,
    detail      text,
    actor       text        NOT NULL,
    run_id      bigint
);

CREATE INDEX server_provisioning_event_device ON server_provisioning_event (device_id, id);
