-- Every experiment's artifact folder (<rootDir, symlinks resolved>/<name>), claimed when it is created (issue 11): no
-- experiment's folder may equal, lie inside or contain another's, or one's runs would replace or prune the other's
-- files. The hash is unique (a path may be longer than an index entry can hold); the folder text answers "inside".
-- Experiments created before this migration get their row lazily, from the first create after it.
create table experiment_folder (
    experiment_id uuid          not null primary key references experiment (id),
    folder        varchar(8000) not null,
    folder_hash   varchar(64)   not null,
    constraint uk_experiment_folder unique (folder_hash)
);

-- Claims are checked and made under a lock on this one row, so two concurrent creates of overlapping folders are
-- decided one after the other (a unique constraint alone cannot see "inside").
create table experiment_folder_lock (
    id integer not null primary key
);
insert into experiment_folder_lock (id) values (1);
