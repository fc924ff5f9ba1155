-- Artifact records (issue 3). The bytes live in an ArtifactStore; the database keeps where they are and what
-- they were. SQL that both H2 and PostgreSQL accept.

create table artifact (
    id              uuid          not null primary key,
    run_id          uuid          not null references run (id),
    experiment_id   uuid          not null references experiment (id),
    experiment_name varchar(100)  not null,
    version         integer       not null,
    replicate       integer       not null,
    condition       varchar(100)  not null,
    step_index      integer       not null,
    step            varchar(200)  not null,
    name            varchar(255)  not null,
    root_dir        varchar(4000) not null,
    storage_key     varchar(4000) not null,
    size_bytes      bigint        not null,
    sha256          varchar(64)   not null,
    content_type    varchar(200)  not null,
    state           varchar(20)   not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    -- A unit re-executed after a crash records the same artifact again: it updates this row.
    constraint uk_artifact unique (run_id, replicate, condition, step, name)
);
-- Superseding and pruning find the records of one version folder.
create index ix_artifact_folder on artifact (experiment_name, version, state);
