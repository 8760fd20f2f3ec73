-- Log reads and follows of a node held by another replica are relayed through that replica's REST port.
-- Each replica records where the others reach it (supervisor.replica.advertised-url, or http://<host>:<port>);
-- null for a replica from before the relay, which is then named in the error instead.
alter table supervisor_replicas add column advertised_url varchar(2048);

-- Secrets the replicas share, created once by the first replica to start (under the bootstrap lock).
-- 'replica-relay' authenticates one replica's relayed log requests to another; it is kept as it is, since
-- every replica must send it, and it is worth no more than access to this database already is.
create table supervisor_secrets (
    name        varchar(64) primary key,
    secret      varchar(128) not null,
    created_at  timestamp with time zone not null
);
