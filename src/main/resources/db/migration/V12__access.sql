-- Access (issue 12): users, their API tokens, workspaces and memberships. Every experiment belongs to one
-- workspace; runs, units, seeds, logs, hypothesis results and artifacts belong to it through their experiment.
-- Existing rows go to the workspace of the admin user, created here with fixed ids (the bootstrap token is
-- given to that user at start-up). SQL that both H2 and PostgreSQL accept.

create table app_user (
    id          uuid         not null primary key,
    name        varchar(100) not null,
    role        varchar(10)  not null,
    -- "<issuer>#<claim>" of a user created from a single-sign-on JWT; null for local users.
    external_id varchar(1000),
    created_at  timestamp with time zone not null,
    constraint uk_app_user_name unique (name),
    constraint uk_app_user_external unique (external_id)
);

create table api_token (
    id         uuid         not null primary key,
    user_id    uuid         not null references app_user (id),
    name       varchar(100) not null,
    prefix     varchar(20)  not null,
    -- SHA-256 (hex) of the token: tokens are 256-bit random values, so a fast hash is enough.
    token_hash varchar(64)  not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone,
    revoked_at timestamp with time zone,
    constraint uk_api_token_hash unique (token_hash)
);
create index ix_api_token_user on api_token (user_id);

create table workspace (
    id         uuid         not null primary key,
    name       varchar(100) not null,
    -- The user whose personal workspace this is; null for shared workspaces.
    personal_of uuid        references app_user (id),
    created_at timestamp with time zone not null
);

create table workspace_member (
    workspace_id uuid        not null references workspace (id),
    user_id      uuid        not null references app_user (id),
    role         varchar(10) not null,
    primary key (workspace_id, user_id)
);
create index ix_workspace_member_user on workspace_member (user_id);

insert into app_user (id, name, role, created_at)
values ('00000000-0000-0000-0000-00000000a001', 'admin', 'ADMIN', current_timestamp);
insert into workspace (id, name, personal_of, created_at)
values ('00000000-0000-0000-0000-00000000b001', 'admin', '00000000-0000-0000-0000-00000000a001', current_timestamp);
insert into workspace_member (workspace_id, user_id, role)
values ('00000000-0000-0000-0000-00000000b001', '00000000-0000-0000-0000-00000000a001', 'OWNER');

alter table experiment add column workspace_id uuid;
update experiment set workspace_id = '00000000-0000-0000-0000-00000000b001';
alter table experiment alter column workspace_id set not null;
alter table experiment add constraint fk_experiment_workspace foreign key (workspace_id) references workspace (id);
create index ix_experiment_workspace on experiment (workspace_id, created_at);

-- Who submitted and who cancelled a run (null for runs from before this migration).
alter table run add column created_by uuid;
alter table run add column cancelled_by uuid;
