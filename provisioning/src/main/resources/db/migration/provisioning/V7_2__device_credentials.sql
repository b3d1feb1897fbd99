-- Device credentials (SSH, SNMP, BMC), encrypted at rest with AES-256-GCM under the node's secret key
-- (FERRUM_SECRET_KEY or FERRUM_HOME/secret.key). Only ciphertext is stored; key_id tells which key sealed a row, so
-- a node with another key refuses to use it with a clear reason instead of failing logins on devices.
CREATE TABLE device_credential (
    id            bigserial   PRIMARY KEY,
    name          text        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    kind          text        NOT NULL CHECK (kind IN ('ssh-password', 'ssh-private-key', 'snmp-community', 'snmpv3',
                                                       'bmc-password')),
    username      text        CHECK (length(username) <= 64),
    scope_site    text,
    scope_role    text,
    scope_device  text,
    key_id        text        NOT NULL,
    nonce         bytea       NOT NULL,
    ciphertext    bytea       NOT NULL,
    updated_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
