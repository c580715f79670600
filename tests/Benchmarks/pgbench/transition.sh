#!/usr/bin/env bash
# The database's own limit for one transition: transition.sql under pgbench on a throwaway cluster with fsync=off (as
# the benchmarks' embedded cluster), at 1, 4 and 16 clients, 20 s each. Usage: tests/Benchmarks/pgbench/transition.sh [seconds]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
seconds=${1:-20}
data=$(mktemp -d /tmp/iso-pgbench-XXXXXX)
port=$((55000 + RANDOM % 1000))
trap '"$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
if [ "$(id -u)" -eq 0 ]; then run() { runuser -u postgres -- "$@"; }; chown postgres "$data"; else run() { "$@"; }; fi
run "$bin/initdb" -D "$data" -U postgres -A trust >/dev/null
run "$bin/pg_ctl" -D "$data" -o "-p $port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off" -l "$data/log" -w start >/dev/null
psql() { run "$bin/psql" -h /tmp -p "$port" -U postgres -q "$@"; }
psql -c "
CREATE TABLE bench_instances (id int PRIMARY KEY, variables jsonb, tokens jsonb, revision int, updated_at timestamptz);
CREATE TABLE bench_work_items (id bigserial PRIMARY KEY, instance_id int, step_id text, role text, unit_id text, status text, budget text,
  created_at timestamptz, due_at timestamptz, completed_at timestamptz, completed_by text, action text, revision int);
CREATE INDEX ON bench_work_items (instance_id) WHERE status = 'Open';
CREATE TABLE bench_history (id bigserial PRIMARY KEY, instance_id int, at timestamptz, kind text, actor text, from_step text, to_step text, action text);
CREATE INDEX ON bench_history (instance_id, id);
CREATE TABLE bench_outbox (sequence bigserial PRIMARY KEY, instance_id int, type text, payload jsonb, created_at timestamptz);
INSERT INTO bench_instances SELECT g, '{}', '[]', 1, now() FROM generate_series(1, 64) g;
INSERT INTO bench_work_items (instance_id, step_id, role, unit_id, status, created_at, revision)
SELECT g, 'work', 'clerk', 'unit-1', 'Open', now(), 1 FROM generate_series(1, 64) g;"
echo "pgbench, $(run "$bin/postgres" --version), fsync=off, ${seconds} s per run, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for clients in 1 4 16; do
  tps=$(run "$bin/pgbench" -h /tmp -p "$port" -U postgres -n -M prepared -c "$clients" -j "$clients" -T "$seconds" -f "$here/transition.sql" postgres \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  echo "clients $clients: $tps transitions/s"
done
