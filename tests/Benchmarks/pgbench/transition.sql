-- One transition as PostgreSQL alone sees it: the statements of HandWrittenTransition (tests/Benchmarks/Engine) with
-- their values written in, each pgbench client on its own instance, in one transaction. Run by transition.sh.
\set client :client_id + 1
BEGIN;
SELECT i.id, i.revision FROM bench_work_items w JOIN bench_instances i ON i.id = w.instance_id
WHERE w.instance_id = :client AND w.status = 'Open' FOR UPDATE;
UPDATE bench_instances SET variables = '{"unit":"unit-1"}',
       tokens = '[{"id":"00000000-0000-0000-0000-000000000001","stepId":"work","state":"Waiting","scopes":[]}]',
       revision = revision + 1, updated_at = now() WHERE id = :client;
UPDATE bench_work_items SET status = 'Completed', completed_at = now(), completed_by = 'bench', action = 'next', revision = revision + 1
WHERE instance_id = :client AND status = 'Open';
INSERT INTO bench_work_items (instance_id, step_id, role, unit_id, status, budget, created_at, due_at, revision)
VALUES (:client, 'work', 'clerk', 'unit-1', 'Open', '1d', now(), now() + interval '1 day', 1);
INSERT INTO bench_history (instance_id, at, kind, actor, from_step, to_step, action) VALUES
  (:client, now(), 'ActionTaken', 'bench', 'work', 'work', 'next'), (:client, now(), 'WorkItemOpened', NULL, NULL, 'work', NULL);
INSERT INTO bench_outbox (instance_id, type, payload, created_at)
VALUES (:client, 'engine.work-item-opened', '{"workItemId":"00000000-0000-0000-0000-000000000000","stepId":"work"}', now());
COMMIT;
