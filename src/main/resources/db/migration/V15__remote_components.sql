-- Remote steps and datasources (issue 15): a registered type is an HTTP call per unit. The registration is
-- shared by every node through the database. SQL that both H2 and PostgreSQL accept.

create table remote_component (
    id              uuid          not null primary key,
    type            varchar(100)  not null,
    kind            varchar(20)   not null,
    description     varchar(2000) not null,
    url             varchar(2000) not null,
    -- The declared params, as the JSON list of catalog param specs.
    params_json     text          not null,
    timeout_ms      bigint        not null,
    max_concurrency integer       not null,
    retries         integer       not null,
    created_at      timestamp with time zone not null,
    -- One type names one component, whatever its kind (DELETE /api/catalog/remote/{type} finds it).
    constraint uk_remote_component_type unique (type)
);
