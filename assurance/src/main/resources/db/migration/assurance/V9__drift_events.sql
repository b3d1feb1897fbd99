-- Drift events: one row per drift the auditor found, with its lifecycle. At most one unresolved event per
-- fingerprint (device + type + object); a drift that comes back soon after it resolved re-opens its event (flap
-- damping) instead of opening another.
CREATE TABLE drift_event (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    fingerprint     text        NOT NULL,
    site            text        NOT NULL,
    device          text        NOT NULL,
    type            text        NOT NULL,
    severity        text        NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
    object          text        NOT NULL,
    expected        text,
    observed        text,
    intent_ref      text,
    detail          text,
    state           text        NOT NULL CHECK (state IN ('open', 'acknowledged', 'accepted', 'reopened', 'resolved')),
    occurrences     integer     NOT NULL DEFAULT 1 CHECK (occurrences > 0),
    first_seen      timestamptz NOT NULL,
    last_seen       timestamptz NOT NULL,
    resolved_at     timestamptz,
    acknowledged_by text,
    acknowledged_at timestamptz,
    accepted_by     text,
    accepted_reason text,
    accepted_until  timestamptz
);

CREATE UNIQUE INDEX drift_event_one_unresolved ON drift_event (fingerprint) WHERE state <> 'resolved';
CREATE INDEX drift_event_device_idx ON drift_event (device, state);
CREATE INDEX drift_event_site_idx ON drift_event (site, state);
CREATE INDEX drift_event_accepted_until_idx ON drift_event (accepted_until) WHERE state = 'accepted';

-- Every move of an event, by whom and why: the audit trail ops and auditors read.
CREATE TABLE drift_event_transition (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id   bigint      NOT NULL REFERENCES drift_event (id) ON DELETE CASCADE,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    reason     text
);

CREATE INDEX drift_event_transition_event_idx ON drift_event_transition (event_id, id);
