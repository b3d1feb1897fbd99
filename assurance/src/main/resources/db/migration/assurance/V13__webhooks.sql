-- Webhooks: where drift events are posted, signed with the webhook's secret (sealed like device credentials:
-- ciphertext bound to the webhook's name, never returned).
CREATE TABLE webhook (
    name         text        PRIMARY KEY,
    url          text        NOT NULL,
    min_severity text        NOT NULL CHECK (min_severity IN ('minor', 'major', 'critical')),
    sites        text[]      NOT NULL DEFAULT '{}',
    enabled      boolean     NOT NULL DEFAULT true,
    key_id       text        NOT NULL,
    nonce        bytea       NOT NULL,
    ciphertext   bytea       NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL
);

-- The outbox: one row per (webhook, drift-event change), written in the transaction that changed the event, so a
-- crash never loses or invents a delivery. 'pending' rows are sent when next_attempt_at is due (a sender claims a
-- row by pushing next_attempt_at past its lease); 'dead' rows ran out of attempts and wait for a redelivery.
CREATE TABLE webhook_delivery (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook         text        NOT NULL REFERENCES webhook (name) ON DELETE CASCADE,
    event_id        bigint      NOT NULL,
    kind            text        NOT NULL,
    payload         json        NOT NULL,  -- json, not jsonb: the exact text that is signed and sent
    state           text        NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz
);

CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook, state, id);
