-- Events out (issue 15): the append-only event log the streams and webhooks read, and the webhooks with their
-- delivery queue. Portable SQL (H2, PostgreSQL).

-- One row per event, written in the transaction that caused it with seq still null. The sequencer
-- (events/EventSequencer) gives committed rows their seq, one number after another, under the lock on
-- event_sequence: seq grows in commit order, so a reader that has seen seq n never misses a later row below n.
create table events (
    id             bigint primary key,
    seq            bigint,
    tenant_id      bigint not null,
    deployment_id  bigint,
    node_id        bigint,
    type           varchar(60)   not null,
    data           varchar(8000) not null,
    created_at     timestamp with time zone not null
);
create unique index events_by_seq on events (seq);
create index events_by_tenant on events (tenant_id, seq);
create index events_by_deployment on events (deployment_id, seq);

-- The one row the sequencer locks: the last seq handed out and the highest seq deleted by retention.
create table event_sequence (
    id              integer primary key,
    last_seq        bigint not null,
    pruned_through  bigint not null
);
insert into event_sequence (id, last_seq, pruned_through) values (1, 0, 0);

create table webhooks (
    id               bigint primary key,
    tenant_id        bigint not null references tenants (id),
    url              varchar(2000) not null,
    event_types      varchar(2000) not null,
    secret           varchar(100)  not null,
    status           varchar(20)   not null,
    disabled_reason  varchar(2000),
    author_id        bigint not null,
    created_at       timestamp with time zone not null
);
create index webhooks_by_tenant on webhooks (tenant_id, id);

-- Each event a webhook subscribes to, in seq order; only the oldest undelivered one of a webhook is tried.
create table webhook_deliveries (
    id               bigint primary key,
    webhook_id       bigint not null references webhooks (id) on delete cascade,
    event_seq        bigint not null,
    event_type       varchar(60) not null,
    status           varchar(20) not null,
    attempts         integer not null,
    answer_code      integer,
    last_error       varchar(2000),
    next_attempt_at  timestamp with time zone,
    first_failed_at  timestamp with time zone,
    claimed_until    timestamp with time zone,
    delivered_at     timestamp with time zone,
    created_at       timestamp with time zone not null
);
create index webhook_deliveries_by_webhook on webhook_deliveries (webhook_id, event_seq);
create index webhook_deliveries_due on webhook_deliveries (status, next_attempt_at);

-- Conditions the events sweep raised once (a node unreachable, a disk filling up), so each is told once
-- until it clears.
create table event_conditions (
    subject     varchar(100) not null,
    condition   varchar(60)  not null,
    raised_at   timestamp with time zone not null,
    primary key (subject, condition)
);
