-- Idempotency-Key of POST /api/experiments and POST /api/experiments/{id}/runs (the idempotency module):
-- the first successful response, replayed for a retry with the same key until expires_at. The primary key
-- makes a concurrent duplicate wait for, or fail against, the first request. SQL that H2 and PostgreSQL accept.
create table idempotency_key (
    idem_key     varchar(255)  not null primary key,
    request_hash varchar(64)   not null,
    status       integer,
    location     varchar(2000),
    content_type varchar(255),
    body         text,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null
);
create index ix_idempotency_key_expires on idempotency_key (expires_at);
