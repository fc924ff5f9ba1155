-- Versions of versioned runs are allocated under a lock on the experiment row and guarded by this constraint: two
-- runs of one experiment can never share a version folder. Non-versioned runs (all version 0, replacing v0 in turn)
-- leave allocated_version null, which a unique constraint does not compare.
alter table run add column allocated_version integer;
alter table run add constraint uk_run_experiment_version unique (experiment_id, allocated_version);
