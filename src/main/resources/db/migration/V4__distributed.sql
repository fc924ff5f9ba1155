-- The unit tasks of distributed runs: which replicates each task runs and whether it has finished.
create table run_unit_task (
    run_id          uuid    not null references run (id),
    task_index      integer not null,
    first_replicate integer not null,
    last_replicate  integer not null,
    finished        boolean not null,
    primary key (run_id, task_index)
);
