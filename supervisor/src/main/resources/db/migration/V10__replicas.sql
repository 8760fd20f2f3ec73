-- Several Supervisors on one database.
-- Each running Supervisor (replica) leases one of the 1,024 id workers and renews its lease while it
-- runs; a lease past lease_until may be taken by a starting replica. The row is also the replica's
-- heartbeat: holder is the running process's own random token.
create table supervisor_replicas (
    worker_id    integer primary key,
    holder       varchar(64)  not null unique,
    host         varchar(255) not null,
    started_at   timestamp with time zone not null,
    renewed_at   timestamp with time zone not null,
    lease_until  timestamp with time zone not null
);

-- Rows locked (select ... for update) to run one-time work on one replica at a time, such as the first
-- start's default tenant and admin key.
create table supervisor_locks (
    name  varchar(64) primary key
);
insert into supervisor_locks (name) values ('bootstrap');

-- Which replica holds each node's stream (its supervisor_replicas.holder), so that any replica can tell
-- the nodes of a replica that died: their holder's lease lapses and they are marked offline.
alter table agents add column held_by varchar(64);
