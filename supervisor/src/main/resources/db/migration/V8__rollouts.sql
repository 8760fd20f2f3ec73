-- Rollouts: every multi-node action and deployment job runs as one, node by node or batch by batch, gated on
-- health, bounded by an error budget and a quorum guard. Its state lives here so that a Supervisor restart
-- resumes it where it stood. Portable SQL (H2, PostgreSQL).

create table rollouts (
    id                   bigint primary key,
    tenant_id            bigint not null references tenants (id),
    division_id          bigint not null,
    environment_id       bigint not null,
    deployment_id        bigint not null references deployments (id),
    runtime              varchar(100) not null,
    action               varchar(100) not null,
    job                  varchar(30)  not null,
    title                varchar(200) not null,
    strategy             varchar(20)  not null,
    max_concurrency      integer      not null,
    max_errors           integer      not null,
    min_healthy_ms       bigint       not null,
    quorum_wait_ms       bigint       not null,
    delivery_timeout_ms  bigint       not null,
    quorum_guard         boolean      not null,
    created_by           bigint       not null,
    state                varchar(20)  not null,
    message              varchar(2000),
    failures             integer      not null,
    current_batch        integer      not null,
    batches              integer      not null,
    held_since           timestamp with time zone,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    finished_at          timestamp with time zone
);
create index rollouts_by_deployment on rollouts (deployment_id, id);
create index rollouts_by_state on rollouts (state, id);

-- One row per node of a rollout: its batch, where it stands and why.
create table rollout_nodes (
    id            bigint primary key,
    rollout_id    bigint not null references rollouts (id) on delete cascade,
    node_id       bigint not null,
    batch         integer not null,
    position      integer not null,
    state         varchar(20) not null,
    message       varchar(2000),
    started_at    timestamp with time zone,
    healthy_at    timestamp with time zone,
    gate_until    timestamp with time zone,
    finished_at   timestamp with time zone
);
create index rollout_nodes_by_rollout on rollout_nodes (rollout_id, position);
create index rollout_nodes_by_state on rollout_nodes (state, gate_until);

alter table activities add column reason varchar(30);
alter table activities add column rollout_id bigint;
create index activities_by_rollout on activities (rollout_id, node_id);
