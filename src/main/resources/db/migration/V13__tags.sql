-- Experiment tags (issue 13): "tags": {"key": "value"} on a definition, searchable with ?tag=key:value.
-- The definition JSON keeps them too; this table is for the search. SQL that both H2 and PostgreSQL accept.
create table experiment_tag (
    experiment_id uuid         not null references experiment (id),
    tag_key       varchar(100) not null,
    tag_value     varchar(200) not null,
    primary key (experiment_id, tag_key)
);
create index ix_experiment_tag on experiment_tag (tag_key, tag_value);
