-- Tenancy and keys through the API, the audit log, deployment lifecycle history, and the indexes
-- the list endpoints need at a million rows. Portable SQL: PostgreSQL and H2.

-- Newest-first lifecycle history of a deployment; every status transition writes one row.
create table deployment_events (
    id              bigint primary key,
    tenant_id       bigint not null references tenants (id),
    division_id     bigint not null,
    environment_id  bigint not null,
    deployment_id   bigint not null references deployments (id),
    event_type      varchar(40)  not null,
    status          varchar(20)  not null,
    message         varchar(2000),
    node_id         bigint,
    author_id       bigint,
    created_at      timestamp with time zone not null
);
create index deployment_events_by_deployment on deployment_events (deployment_id, id);
create index deployment_events_by_type on deployment_events (deployment_id, event_type, id);
create index deployment_events_by_status on deployment_events (deployment_id, status, id);

-- What the node's runtimes are doing for its deployment: starting, running, ready, failed, stopped.
alter table deployment_nodes add column runtime_state varchar(20) default 'starting' not null;
-- The agent's runtime state as the API shows it, apart from its link state (online/offline):
-- null while it belongs to no deployment, 'stopped' once its deployment was deleted.
alter table agents add column runtime_state varchar(20);
-- The runtimes a deployment runs on each of its nodes (space-separated), so restart and scale start the same ones.
alter table deployments add column runtimes varchar(100) default 'iggy' not null;
create index agents_by_environment on agents (environment_id, id);

create index deployments_by_tenant_status on deployments (tenant_id, status, id);
create index deployments_by_environment on deployments (environment_id, id);
create index activities_by_deployment_filters on activities (deployment_id, status, id);
create index activities_by_deployment_node on activities (deployment_id, node_id, id);
create index divisions_by_tenant on divisions (tenant_id, id);
create index environments_by_tenant on environments (tenant_id, id);
create index api_keys_by_tenant on api_keys (tenant_id, id);

-- Every state-changing request, allowed or refused. Never a body, so never a secret.
create table audit_events (
    id           bigint primary key,
    tenant_id    bigint,
    api_key_id   bigint,
    method       varchar(10)   not null,
    route        varchar(300)  not null,
    action       varchar(320)  not null,
    target_id    bigint,
    status       integer       not null,
    outcome      varchar(20)   not null,
    created_at   timestamp with time zone not null
);
create index audit_events_by_tenant on audit_events (tenant_id, id);
create index audit_events_by_actor on audit_events (tenant_id, api_key_id, id);
create index audit_events_by_target on audit_events (tenant_id, target_id, id);
create index audit_events_by_action on audit_events (tenant_id, action, id);
