-- Plans made through the API, so that a reviewed plan can be applied after a restart and from any node. Apply
-- re-plans the stored definition and goes ahead only if the result still has this id.
CREATE TABLE stored_plan (
    id                   text        PRIMARY KEY,
    site                 text        NOT NULL,
    file_name            text        NOT NULL,
    definition           text        NOT NULL,
    allow_destroy_active boolean     NOT NULL,
    plan_json            text        NOT NULL,
    created_by           text        NOT NULL,
    created_at           timestamptz NOT NULL,
    expires_at           timestamptz NOT NULL
);

CREATE INDEX stored_plan_expires_idx ON stored_plan (expires_at);
