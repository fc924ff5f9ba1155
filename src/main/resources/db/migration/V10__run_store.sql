-- The run store (issue 9): progress counters on the run row, updated with each batch of stored units, so a
-- status read is a primary-key read; and a finished run's results document, computed once and served as
-- stored. SQL that both H2 and PostgreSQL accept.
alter table run add column completed_units bigint default 0 not null;
alter table run add column failed_units bigint default 0 not null;
alter table run add column skipped_units bigint default 0 not null;

-- Counters of runs stored before this migration.
update run set
    completed_units = (select count(*) from run_unit u where u.run_id = run.id and u.status = 'COMPLETED'),
    failed_units = (select count(*) from run_unit u where u.run_id = run.id and u.status = 'FAILED'),
    skipped_units = (select count(*) from run_unit u where u.run_id = run.id and u.status = 'SKIPPED');

-- The results of a finished run as API.md shows them, gzip-compressed JSON; etag is its strong ETag (SHA-256
-- of the uncompressed JSON). Deleting a run removes its document with it.
create table run_result (
    run_id     uuid        not null primary key references run (id) on delete cascade,
    etag       varchar(80) not null,
    json_size  bigint      not null,
    body_gzip  bytea       not null,
    created_at timestamp with time zone not null
);
