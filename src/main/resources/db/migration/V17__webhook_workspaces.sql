-- Webhooks belong to a workspace (issue 14): each hears only of its workspace's runs. Webhooks registered before
-- (when they heard of every run) go to the admin's workspace, as V12 did with experiments. The secret column
-- holds the encrypted secret from now on ("enc:v1:..."); rows still in plain text are encrypted by the
-- application when it starts (it holds the key). SQL that both H2 and PostgreSQL accept.
update webhook set workspace_id = '00000000-0000-0000-0000-00000000b001' where workspace_id is null;
alter table webhook alter column workspace_id set not null;
alter table webhook add constraint fk_webhook_workspace foreign key (workspace_id) references workspace (id);
create index ix_webhook_workspace on webhook (workspace_id, created_at);
