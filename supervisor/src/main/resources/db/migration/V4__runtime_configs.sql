-- Runtime configurations (the versions reconfigure:{config_id} applies) and agent revocation.
-- Portable SQL: runs unchanged on PostgreSQL and H2.

-- A config version is immutable: rows are inserted, never updated. The checksum is the sha256 of
-- the content's UTF-8 bytes, checked again by the Warden before it writes the file.
create table runtime_configs (
    id              bigint primary key,
    tenant_id       bigint not null references tenants (id),
    division_id     bigint not null,
    environment_id  bigint not null,
    deployment_id   bigint not null references deployments (id),
    runtime         varchar(20)  not null,
    name            varchar(200) not null,
    content         varchar(262144) not null,
    checksum        varchar(64)  not null,
    author_id       bigint not null,
    created_at      timestamp with time zone not null
);
create index runtime_configs_by_deployment on runtime_configs (deployment_id, id);

-- A revoked agent's secret is no longer accepted, by any Supervisor replica sharing this database.
alter table agents add column revoked_at timestamp with time zone;
