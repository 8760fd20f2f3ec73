-- The backbone: tenancy, keys, agents, deployments, activities and their task outbox.
-- Portable SQL: runs unchanged on PostgreSQL (production) and H2 (the embedded default).

create table tenants (
    id          bigint primary key,
    name        varchar(200) not null,
    plan        varchar(20)  not null,
    created_at  timestamp with time zone not null
);

create table divisions (
    id          bigint primary key,
    tenant_id   bigint not null references tenants (id),
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);

create table environments (
    id           bigint primary key,
    tenant_id    bigint not null references tenants (id),
    division_id  bigint not null references divisions (id),
    name         varchar(200) not null,
    created_at   timestamp with time zone not null
);

create table api_keys (
    id           bigint primary key,
    tenant_id    bigint not null references tenants (id),
    name         varchar(200) not null,
    key_prefix   varchar(16)  not null,
    key_hash     varchar(64)  not null unique,
    permissions  varchar(500) not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone
);

create table agents (
    id              bigint primary key,
    tenant_id       bigint not null references tenants (id),
    division_id     bigint not null references divisions (id),
    environment_id  bigint not null references environments (id),
    hostname        varchar(255),
    secret_hash     varchar(64) not null,
    state           varchar(20) not null,
    warden_version  varchar(64),
    os              varchar(128),
    arch            varchar(32),
    cpu_count       integer,
    memory_bytes    bigint,
    session_epoch   bigint not null default 0,
    last_seen_at    timestamp with time zone,
    created_at      timestamp with time zone not null
);
create index agents_by_tenant on agents (tenant_id, id);

create table enrollment_tokens (
    id              bigint primary key,
    tenant_id       bigint not null references tenants (id),
    division_id     bigint not null references divisions (id),
    environment_id  bigint not null references environments (id),
    token_hash      varchar(64) not null unique,
    author_id       bigint not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone,
    agent_id        bigint
);

create table deployments (
    id              bigint primary key,
    tenant_id       bigint not null references tenants (id),
    division_id     bigint not null references divisions (id),
    environment_id  bigint not null references environments (id),
    name            varchar(200) not null,
    status          varchar(20)  not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    ended_at        timestamp with time zone
);
create index deployments_by_tenant on deployments (tenant_id, id);

create table deployment_nodes (
    id             bigint primary key,
    deployment_id  bigint not null references deployments (id),
    node_id        bigint not null references agents (id),
    unique (deployment_id, node_id)
);
create index deployment_nodes_by_node on deployment_nodes (node_id);

create table activities (
    id              bigint primary key,
    tenant_id       bigint not null references tenants (id),
    division_id     bigint not null,
    environment_id  bigint not null,
    deployment_id   bigint not null references deployments (id),
    author_id       bigint not null,
    runtime         varchar(20)  not null,
    action          varchar(40)  not null,
    node_id         bigint not null references agents (id),
    status          varchar(20)  not null,
    message         varchar(2000),
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone
);
create index activities_by_deployment on activities (deployment_id, id);
create index activities_by_deployment_status on activities (deployment_id, status, created_at);

create table tasks (
    id           bigint primary key,
    node_id      bigint not null references agents (id),
    activity_id  bigint references activities (id),
    kind         varchar(30) not null,
    runtime      varchar(20),
    action       varchar(20),
    config_id    bigint,
    state        varchar(20) not null,
    message      varchar(2000),
    created_at   timestamp with time zone not null,
    deadline_at  timestamp with time zone not null,
    accepted_at  timestamp with time zone,
    finished_at  timestamp with time zone
);
create index tasks_open_by_node on tasks (node_id, state, id);
create index tasks_by_state_deadline on tasks (state, deadline_at);
