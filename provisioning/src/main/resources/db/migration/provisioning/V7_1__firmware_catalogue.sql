-- The firmware catalogue: images by platform and version, their bytes stored content-addressed (by SHA-256) under
-- FERRUM_HOME/images on every node that serves them. A row exists only once its file was stored and verified.
CREATE TABLE firmware_image (
    id          bigserial   PRIMARY KEY,
    name        text        NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$'),
    platform    text        NOT NULL CHECK (length(platform) BETWEEN 1 AND 64),
    version     text        NOT NULL CHECK (version ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    sha256      text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes  bigint      NOT NULL CHECK (size_bytes > 0),
    uploaded_by text        NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (platform, version)
);

-- Devices whose firmware did not verify after activation: later firmware runs leave them alone until someone
-- releases them (a device half-upgraded twice is worse than one held back).
CREATE TABLE firmware_quarantine (
    device          text        PRIMARY KEY,
    run_id          bigint      NOT NULL,
    reason          text        NOT NULL,
    quarantined_at  timestamptz NOT NULL DEFAULT now()
);
