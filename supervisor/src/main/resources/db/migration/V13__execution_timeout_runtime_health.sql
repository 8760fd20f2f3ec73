-- The execution timeout: how long a node's Warden may take once it accepted a task (it enforces it, and the
-- Supervisor ends the task itself only when no report comes a grace period later). Null or 0: no execution
-- timeout of its own (snapshots, kills, tasks written before this version keep their one deadline).
-- Portable SQL (H2, PostgreSQL).
alter table tasks add column execution_timeout_ms bigint;
alter table rollouts add column execution_timeout_ms bigint;

-- Each node's runtime health as its Warden's heartbeats last reported it (the health check answered or not).
-- Written only when it changes, like presence, so the quorum guard and the health gates of any Supervisor
-- replica read the same answer.
create table runtime_health (
    node_id      bigint       not null,
    runtime      varchar(30)  not null,
    healthy      boolean      not null,
    detail       varchar(500),
    changed_at   timestamp with time zone not null,
    primary key (node_id, runtime)
);
