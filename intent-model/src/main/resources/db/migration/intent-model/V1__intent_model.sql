-- Ferrum intent model: what should exist. Statuses, roles and kinds are stored as their lowercase wire values.

-- One id sequence for every intent object: ids are unique across kinds, and Hibernate reserves them 100 at a time
-- so that bulk creates go out as batched inserts.
CREATE SEQUENCE ferrum_id_seq INCREMENT BY 100;

CREATE TABLE site (
    id          bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    code        text   NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
    name        text   NOT NULL,
    address     text,
    timezone    text   NOT NULL DEFAULT 'UTC',
    status      text   NOT NULL CHECK (status IN ('planned', 'active', 'decommissioning')),
    tags        text[] NOT NULL DEFAULT '{}',
    version     bigint NOT NULL DEFAULT 0
);

CREATE TABLE location (
    id        bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    site_id   bigint NOT NULL REFERENCES site (id),
    parent_id bigint REFERENCES location (id),
    name      text   NOT NULL,
    version   bigint NOT NULL DEFAULT 0,
    UNIQUE (site_id, name)
);

CREATE TABLE rack (
    id             bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    site_id        bigint  NOT NULL REFERENCES site (id),
    location_id    bigint  REFERENCES location (id),
    name           text    NOT NULL,
    height_u       integer NOT NULL CHECK (height_u BETWEEN 1 AND 100),
    power_budget_w integer NOT NULL CHECK (power_budget_w >= 0),
    profile        text,
    tags           text[]  NOT NULL DEFAULT '{}',
    version        bigint  NOT NULL DEFAULT 0,
    UNIQUE (site_id, name)
);

CREATE TABLE manufacturer (
    id      bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    name    text   NOT NULL UNIQUE,
    version bigint NOT NULL DEFAULT 0
);

CREATE TABLE platform (
    id        bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    name      text   NOT NULL UNIQUE,
    os_family text   NOT NULL,
    version   bigint NOT NULL DEFAULT 0
);

CREATE TABLE device_type (
    id              bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    slug            text    NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9._-]*$'),
    manufacturer_id bigint  NOT NULL REFERENCES manufacturer (id),
    model           text    NOT NULL,
    u_height        integer NOT NULL CHECK (u_height BETWEEN 0 AND 60),
    full_depth      boolean NOT NULL DEFAULT true,
    typical_power_w integer NOT NULL DEFAULT 0 CHECK (typical_power_w >= 0),
    max_power_w     integer NOT NULL DEFAULT 0 CHECK (max_power_w >= typical_power_w),
    version         bigint  NOT NULL DEFAULT 0,
    UNIQUE (manufacturer_id, model)
);

-- A template names one or many ports: "Ethernet[1-48]" expands to Ethernet1 .. Ethernet48.
CREATE TABLE port_template (
    id             bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    device_type_id bigint  NOT NULL REFERENCES device_type (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    name_pattern   text    NOT NULL,
    kind           text    NOT NULL CHECK (kind IN ('data', 'mgmt', 'console', 'power')),
    speed_mbps     integer CHECK (speed_mbps > 0),
    media          text,
    UNIQUE (device_type_id, position)
);

CREATE TABLE device (
    id             bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    site_id        bigint  NOT NULL REFERENCES site (id),
    rack_id        bigint  REFERENCES rack (id),
    device_type_id bigint  NOT NULL REFERENCES device_type (id),
    platform_id    bigint  REFERENCES platform (id),
    hostname       text    NOT NULL UNIQUE CHECK (hostname ~ '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$'),
    role           text    NOT NULL,
    serial         text    UNIQUE,
    asset_tag      text    UNIQUE,
    status         text    NOT NULL CHECK (status IN ('planned', 'staged', 'active', 'failed', 'decommissioned')),
    face           text    CHECK (face IN ('front', 'rear')),
    position_u     integer CHECK (position_u >= 1),
    primary_ip_id  bigint,
    tags           text[]  NOT NULL DEFAULT '{}',
    version        bigint  NOT NULL DEFAULT 0,
    CHECK ((position_u IS NULL) OR (rack_id IS NOT NULL AND face IS NOT NULL))
);
CREATE INDEX device_site_idx ON device (site_id);
CREATE INDEX device_rack_idx ON device (rack_id);

CREATE TABLE port (
    id          bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    device_id   bigint  NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    name        text    NOT NULL,
    kind        text    NOT NULL CHECK (kind IN ('data', 'mgmt', 'console', 'power')),
    speed_mbps  integer CHECK (speed_mbps > 0),
    media       text,
    mac         macaddr,
    enabled     boolean NOT NULL DEFAULT true,
    description text,
    version     bigint  NOT NULL DEFAULT 0,
    UNIQUE (device_id, name)
);

-- One port holds at most one cable: the exclusion constraint makes any two cables' port sets disjoint.
CREATE TABLE cable (
    id        bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    site_id   bigint       NOT NULL REFERENCES site (id),
    a_port_id bigint       NOT NULL REFERENCES port (id),
    b_port_id bigint       NOT NULL REFERENCES port (id),
    type      text         NOT NULL,
    colour    text,
    length_m  numeric(6, 2) CHECK (length_m > 0),
    label     text         NOT NULL,
    status    text         NOT NULL CHECK (status IN ('planned', 'installed', 'verified')),
    tags      text[]       NOT NULL DEFAULT '{}',
    version   bigint       NOT NULL DEFAULT 0,
    UNIQUE (site_id, label),
    CHECK (a_port_id <> b_port_id),
    CONSTRAINT cable_one_per_port EXCLUDE USING gist (
        int8multirange(int8range(a_port_id, a_port_id, '[]'), int8range(b_port_id, b_port_id, '[]')) WITH &&)
);

CREATE TABLE vrf (
    id      bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    name    text   NOT NULL UNIQUE,
    rd      text   UNIQUE,
    version bigint NOT NULL DEFAULT 0
);

-- Prefixes nest (a /24 inside a /16); the same prefix twice in one VRF is an overlap and refused.
CREATE TABLE prefix (
    id             bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    vrf_id         bigint REFERENCES vrf (id),
    site_id        bigint REFERENCES site (id),
    prefix         cidr   NOT NULL,
    role           text   NOT NULL,
    status         text   NOT NULL CHECK (status IN ('active', 'reserved', 'deprecated')),
    description    text,
    allocation_key text   UNIQUE,
    tags           text[] NOT NULL DEFAULT '{}',
    version        bigint NOT NULL DEFAULT 0,
    CONSTRAINT prefix_unique_in_vrf UNIQUE NULLS NOT DISTINCT (vrf_id, prefix)
);
CREATE INDEX prefix_prefix_idx ON prefix USING gist (prefix inet_ops);

CREATE TABLE ip_address (
    id             bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    prefix_id      bigint NOT NULL REFERENCES prefix (id),
    vrf_id         bigint REFERENCES vrf (id),
    address        inet   NOT NULL,
    port_id        bigint REFERENCES port (id) ON DELETE SET NULL,
    dns_name       text,
    status         text   NOT NULL CHECK (status IN ('active', 'reserved', 'deprecated')),
    description    text,
    allocation_key text   UNIQUE,
    tags           text[] NOT NULL DEFAULT '{}',
    version        bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ip_address_unique_in_vrf ON ip_address (coalesce(vrf_id, 0), host(address));
CREATE INDEX ip_address_prefix_idx ON ip_address (prefix_id);

ALTER TABLE device ADD CONSTRAINT device_primary_ip_fk
    FOREIGN KEY (primary_ip_id) REFERENCES ip_address (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE vlan (
    id      bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    site_id bigint REFERENCES site (id),
    vid     integer NOT NULL CHECK (vid BETWEEN 1 AND 4094),
    name    text    NOT NULL,
    status  text    NOT NULL CHECK (status IN ('active', 'reserved', 'deprecated')),
    tags    text[]  NOT NULL DEFAULT '{}',
    version bigint  NOT NULL DEFAULT 0,
    CONSTRAINT vlan_unique_vid UNIQUE NULLS NOT DISTINCT (site_id, vid)
);

CREATE TABLE asn_pool (
    id          bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    name        text   NOT NULL UNIQUE,
    range_start bigint NOT NULL CHECK (range_start BETWEEN 1 AND 4294967295),
    range_end   bigint NOT NULL CHECK (range_end BETWEEN 1 AND 4294967295),
    version     bigint NOT NULL DEFAULT 0,
    CHECK (range_start <= range_end)
);

CREATE TABLE asn (
    id             bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    pool_id        bigint NOT NULL REFERENCES asn_pool (id),
    asn            bigint NOT NULL UNIQUE,
    allocation_key text   UNIQUE,
    description    text,
    version        bigint NOT NULL DEFAULT 0
);

CREATE TABLE exchange (
    id      bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    code    text   NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{2,12}$'),
    name    text   NOT NULL,
    version bigint NOT NULL DEFAULT 0
);

CREATE TABLE exchange_connection (
    id                bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    exchange_id       bigint NOT NULL REFERENCES exchange (id),
    site_id           bigint NOT NULL REFERENCES site (id),
    device_id         bigint NOT NULL REFERENCES device (id),
    circuit_id        text   NOT NULL UNIQUE,
    kill_switch_group text   NOT NULL,
    status            text   NOT NULL CHECK (status IN ('planned', 'active', 'disconnected')),
    description       text,
    tags              text[] NOT NULL DEFAULT '{}',
    version           bigint NOT NULL DEFAULT 0
);

CREATE TABLE exchange_connection_port (
    connection_id bigint NOT NULL REFERENCES exchange_connection (id) ON DELETE CASCADE,
    port_id       bigint NOT NULL UNIQUE REFERENCES port (id),
    PRIMARY KEY (connection_id, port_id)
);

CREATE TABLE change_log (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    request_id  text,
    action      text        NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    object_type text        NOT NULL,
    object_id   bigint      NOT NULL,
    before      jsonb,
    after       jsonb
);
CREATE INDEX change_log_object_idx ON change_log (object_type, object_id);

CREATE TABLE app_user (
    id            bigint PRIMARY KEY DEFAULT nextval('ferrum_id_seq'),
    username      text   NOT NULL UNIQUE,
    password_hash text,
    roles         text[] NOT NULL,
    enabled       boolean NOT NULL DEFAULT true,
    version       bigint NOT NULL DEFAULT 0
);

CREATE TABLE api_token (
    id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name       text        NOT NULL,
    token_hash text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz,
    UNIQUE (user_id, name)
);
