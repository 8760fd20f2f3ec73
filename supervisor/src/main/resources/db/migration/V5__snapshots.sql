-- Snapshots (seed 004): one row per node of each snapshot, the archive in the object store.
-- Portable SQL: runs unchanged on PostgreSQL and H2.

create table snapshots (
    id               bigint primary key,
    tenant_id        bigint not null references tenants (id),
    division_id      bigint not null,
    environment_id   bigint not null,
    deployment_id    bigint not null references deployments (id),
    node_id          bigint not null references agents (id),
    deployment_name  varchar(200) not null,
    name             varchar(40)  not null,
    status           varchar(20)  not null,
    redact_secrets   boolean not null,
    include_iggy     boolean not null,
    -- Equals deployment_id while the item is processing and is null afterwards: the unique index below
    -- lets the database itself refuse a second snapshot in progress on a deployment, whichever replica
    -- or request races (a portable stand-in for a partial unique index, which H2 lacks).
    in_progress_deployment_id bigint,
    object_key       varchar(300),
    size_bytes       bigint,
    sha256           varchar(64),
    message          varchar(2000),
    created_at       timestamp with time zone not null,
    completed_at     timestamp with time zone
);
create unique index snapshots_one_in_progress on snapshots (in_progress_deployment_id, node_id);
create index snapshots_by_deployment on snapshots (deployment_id, id);
create index snapshots_by_created on snapshots (created_at);

-- A task's kind-specific request (the link message of its kind, protobuf-encoded, base64) for kinds
-- that carry more than the runtime action columns hold.
alter table tasks add column payload varchar(4000);
