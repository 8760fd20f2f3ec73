-- Operations (the deployment-level jobs per agent, seed 003) with their Supervisor-side logs, and
-- the downsampled node and runtime metrics that Warden heartbeats carry. Portable SQL (H2, PostgreSQL).

create table operations (
    id              bigint primary key,
    tenant_id       bigint not null references tenants (id),
    division_id     bigint not null,
    environment_id  bigint not null,
    deployment_id   bigint not null references deployments (id),
    agent_id        bigint not null references agents (id),
    type            varchar(30)  not null,
    title           varchar(200) not null,
    description     varchar(2000),
    status          varchar(20)  not null,
    pid             bigint,
    rollback_of     bigint,
    message         varchar(2000),
    created_at      timestamp with time zone not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone
);
create index operations_by_deployment on operations (deployment_id, id);
create index operations_by_agent on operations (agent_id, id);
create index operations_by_tenant_type on operations (tenant_id, type, id);

-- The tasks an operation runs on its agent; the operation ends when all of them have.
create table operation_tasks (
    task_id       bigint primary key,
    operation_id  bigint not null references operations (id) on delete cascade,
    purpose       varchar(20) not null
);
create index operation_tasks_by_operation on operation_tasks (operation_id);

-- The operation's log, kept in the database so every Supervisor replica serves it.
create table operation_log_lines (
    id            bigint primary key,
    operation_id  bigint not null references operations (id) on delete cascade,
    logged_at     timestamp with time zone not null,
    line          varchar(2000) not null
);
create index operation_log_lines_by_operation on operation_log_lines (operation_id, id);

-- One row per node per bucket: resolution_s 60 (kept a day) or 900 (rolled up, kept a week).
-- Buckets are epoch seconds so rollups are plain integer arithmetic on both databases.
create table node_metric_points (
    node_id                 bigint  not null references agents (id) on delete cascade,
    resolution_s            integer not null,
    bucket_s                bigint  not null,
    cpu_percent             double precision,
    load_1m                 double precision,
    memory_used_bytes       bigint,
    memory_total_bytes      bigint,
    disk_used_bytes         bigint,
    disk_total_bytes        bigint,
    network_received_bytes  bigint,
    network_sent_bytes      bigint,
    primary key (node_id, resolution_s, bucket_s)
);
create index node_metric_points_by_age on node_metric_points (resolution_s, bucket_s);

create table runtime_metric_points (
    node_id       bigint  not null references agents (id) on delete cascade,
    runtime       varchar(20) not null,
    resolution_s  integer not null,
    bucket_s      bigint  not null,
    running       smallint not null,
    state         varchar(16),
    pid           bigint,
    rss_bytes     bigint,
    cpu_percent   double precision,
    uptime_ms     bigint,
    restarts      integer,
    primary key (node_id, resolution_s, bucket_s, runtime)
);
create index runtime_metric_points_by_age on runtime_metric_points (resolution_s, bucket_s);

-- An operation_kill task names the task whose process it kills.
alter table tasks add column target_task_id bigint;
