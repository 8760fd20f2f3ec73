-- The web console's sign-in sessions, in the database so that every Supervisor replica accepts them and a
-- restart signs nobody out. Only the session token's SHA-256 is kept: a copy of this table lets nobody in.
-- The CSRF token is kept as it is, since the console reads it back; without the cookie it is worth nothing.
create table console_sessions (
    token_hash   varchar(64) primary key,
    csrf_token   varchar(64) not null,
    key_id       bigint not null references api_keys (id),
    signed_in_at timestamp with time zone not null,
    expires_at   timestamp with time zone not null
);

create index console_sessions_expires_at on console_sessions (expires_at);
