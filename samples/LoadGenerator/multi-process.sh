#!/usr/bin/env bash
# Several API and Worker processes on one PostgreSQL and one RabbitMQ, layout by layout, same load (docs/benchmarks.md,
# "Several API and worker processes"). Not part of CI.
#
# Given a built tree (`dotnet build Engine.sln -c Release`), it starts a private PostgreSQL 15 cluster and a private
# RabbitMQ node on free loopback ports (as tests/Shared/RabbitMqNode.cs does; nothing else on the machine is touched),
# seeds the sample province and $DOSSIERS dossiers through one API, then for each layout in $LAYOUTS ("apis:workers"):
# starts the Worker and API processes (APIs with RabbitMQ, so they run no worker in-process), waits for /health/ready
# of each, and runs the load generator's --targets mode twice, requests spread round robin over the APIs: at $RATE
# requests/s and at $MAX_RATE (saturating; its throughput is the layout's maximum). Printed per run: throughput and
# p50/p99 per operation, failures, CPU seconds per process (each API, each Worker, PostgreSQL, RabbitMQ, the load
# generator); then the worker side: outbox messages published per Worker, the outbox's largest backlog and oldest
# pending message during the runs, how long it took to drain, and the citizen notices delivered. Then it checks the
# layout: no failed request, each assigned dossier assigned exactly once (one 'Assigned' event), each received dossier
# received once with its notice delivered ('Sent'), nothing left in the outbox or parked. Stops its processes at the end.
#
# Usage: samples/LoadGenerator/multi-process.sh
#        (LAYOUTS="1:1 2:1 2:2", DOSSIERS=2000, RATE=60, MAX_RATE=300, DURATION=15, WARMUP=10; KEEP=true keeps $WORK)
# About 8 minutes with the defaults on 2 cores.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)
LAYOUTS=${LAYOUTS:-"1:1 2:1 2:2"}
DOSSIERS=${DOSSIERS:-2000}
RATE=${RATE:-60}
MAX_RATE=${MAX_RATE:-300}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
API_DLL=$root/src/Api/bin/Release/net10.0/Api.dll
WORKER_DLL=$root/src/Worker/bin/Release/net10.0/Worker.dll
LOADGEN=$root/samples/LoadGenerator/bin/Release/net10.0/LoadGenerator.dll
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
RABBIT_BIN=/usr/lib/rabbitmq/bin
WORK=$(mktemp -d /tmp/iso-multi.XXXXXX)
source samples/LoadGenerator/bench-lib.sh
for f in "$API_DLL" "$WORKER_DLL" "$LOADGEN" "$PG_BIN/initdb" "$RABBIT_BIN/rabbitmq-server"; do
  [ -f "$f" ] || { echo "multi-process: $f is missing (build first: dotnet build Engine.sln -c Release)" >&2; exit 1; }
done

pids=()
rabbit_env=()
cleanup() {
  [ -n "${watch_pid:-}" ] && kill "$watch_pid" 2>/dev/null
  stop_all
  if [ ${#rabbit_env[@]} -gt 0 ]; then
    env "${rabbit_env[@]}" "$RABBIT_BIN/rabbitmqctl" -n "$rabbit_node" stop >/dev/null 2>&1 || true
    [ -n "${rabbit_pid:-}" ] && { kill -TERM -- "-$rabbit_pid" 2>/dev/null || true; wait "$rabbit_pid" 2>/dev/null || true; }
    epmd -port "$epmd_port" -kill >/dev/null 2>&1 || true
  fi
  [ -f "$WORK/pg/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  if [ "${KEEP:-false}" != true ]; then rm -rf "$WORK/pg" "$WORK/rabbit" "$WORK/files"; fi
  echo "multi-process: logs in $WORK"
}
trap cleanup EXIT

say "starting PostgreSQL and RabbitMQ in $WORK"
pg_port=$(free_port)
chmod 755 "$WORK"
mkdir -p "$WORK/pg" "$WORK/pglog"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" "$WORK/pglog"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 >/dev/null
# As the embedded cluster of the earlier API runs: no fsync (a throwaway cluster on a shared disk).
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pglog/pg.log" -w -o "-p $pg_port -c shared_buffers=512MB $PG_FAST" start >/dev/null
export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=postgres
createdb iso
conn="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=iso;Maximum Pool Size=60"
pg_pid=$(head -1 "$WORK/pg/postmaster.pid")

rabbit_port=$(free_port) epmd_port=$(free_port)
rabbit_node="isomulti$$@localhost"
mkdir -p "$WORK/rabbit"
echo "[]." >"$WORK/rabbit/enabled_plugins"
echo "listeners.tcp.default = 127.0.0.1:$rabbit_port" >"$WORK/rabbit/rabbitmq.conf"
rabbit_env=(HOME="$WORK/rabbit" RABBITMQ_NODENAME="$rabbit_node" RABBITMQ_NODE_PORT="$rabbit_port" RABBITMQ_DIST_PORT="$(free_port)"
  ERL_EPMD_PORT="$epmd_port" ERL_EPMD_ADDRESS=127.0.0.1 RABBITMQ_MNESIA_BASE="$WORK/rabbit/mnesia" RABBITMQ_LOG_BASE="$WORK/rabbit/log"
  RABBITMQ_ENABLED_PLUGINS_FILE="$WORK/rabbit/enabled_plugins" RABBITMQ_CONFIG_FILE="$WORK/rabbit/rabbitmq"
  RABBITMQ_CONF_ENV_FILE="$WORK/rabbit/rabbitmq-env.conf")
(cd "$WORK/rabbit" && setsid env "${rabbit_env[@]}" "$RABBIT_BIN/rabbitmq-server" >"$WORK/rabbit.log" 2>&1) &
rabbit_pid=$!
for _ in $(seq 1 180); do (exec 3<>"/dev/tcp/127.0.0.1/$rabbit_port") 2>/dev/null && break; sleep 0.5; done
(exec 3<>"/dev/tcp/127.0.0.1/$rabbit_port") 2>/dev/null || { echo "multi-process: RabbitMQ did not start" >&2; tail -20 "$WORK/rabbit.log" >&2; exit 1; }

common="ConnectionStrings__Default='$conn' Files__Folder='$WORK/files' Metrics__SampleInterval=00:00:01"
bus="RabbitMq__Host=127.0.0.1 RabbitMq__Port=$rabbit_port"
# The dotnet process under a started process group (the group leader is the bash -c that exec'd it).
# CPU time (user + system, in ticks of 1/100 s) of one process; 0 when it is gone.
cpu_of() { [ -n "$1" ] && [ -f "/proc/$1/stat" ] && awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_cpu() { local t=0; for p in $(pgrep -P "$pg_pid") "$pg_pid"; do t=$((t + $(cpu_of "$p"))); done
  t=$((t + $(awk '{print $16 + $17}' "/proc/$pg_pid/stat"))); echo "$t"; }
# The Erlang VM of our RabbitMQ node: the beam.smp process among the descendants of the rabbitmq-server we started.
beam_pid() {
  local todo=("$rabbit_pid") p
  while [ ${#todo[@]} -gt 0 ]; do
    p=${todo[0]}; todo=("${todo[@]:1}")
    [ "$(cat "/proc/$p/comm" 2>/dev/null)" = beam.smp ] && { echo "$p"; return; }
    todo+=($(pgrep -P "$p"))
  done
}
# The sum of a Prometheus series over its labels; the name may carry the exporter's suffix (_total, _seconds).
metric() { curl -sf "$1/metrics" | awk -v m="$2" '!/^#/ { split($1, a, "{"); if (index(a[1], m) == 1) s += $2 } END { printf "%d\n", s }'; }
psql_value() { psql -d iso -tAc "$1"; }

say "seeding: migrations, the sample province, $DOSSIERS dossiers through one API (single process, in-memory bus)"
seed_port=$(free_port)
start seed-api "$seed_port" "cd '$root/src/Api' && $common Samples__Seed=true Samples__Dossiers=0 exec dotnet '$API_DLL' --urls http://127.0.0.1:$seed_port $LIMITS"
(cd "$WORK" && dotnet "$LOADGEN" --url "http://127.0.0.1:$seed_port" --dossiers "$DOSSIERS" --ids "$WORK/ids.txt" --only "seeding only") | grep -v '^|' || true
seeded=$(wc -l <"$WORK/ids.txt")
for _ in $(seq 1 180); do
  [ "$(psql_value "SELECT count(*) FROM notifications.deliveries WHERE status = 'Sent'")" -ge "$seeded" ] && break; sleep 1
done
stop_all
psql -d iso -qc "VACUUM ANALYZE" >/dev/null

status=0
for layout in $LAYOUTS; do
  apis=${layout%%:*} workers=${layout#*:}
  say "layout $apis API + $workers Worker: starting"
  psql_value "SELECT count(*) FROM notifications.deliveries" >"$WORK/deliveries-before"
  worker_urls=() api_urls=() names=() procs=()
  for w in $(seq 1 "$workers"); do
    port=$(free_port)
    start "worker$w-$layout" "$port" "cd '$root/src/Worker' && $common $bus exec dotnet '$WORKER_DLL' --urls http://127.0.0.1:$port"
    worker_urls+=("http://127.0.0.1:$port") names+=("worker $w") procs+=("$(pgrep -P "${pids[-1]}" -x dotnet || echo "${pids[-1]}")")
  done
  for a in $(seq 1 "$apis"); do
    port=$(free_port)
    start "api$a-$layout" "$port" "cd '$root/src/Api' && $common $bus exec dotnet '$API_DLL' --urls http://127.0.0.1:$port $LIMITS"
    api_urls+=("http://127.0.0.1:$port") names+=("API $a") procs+=("$(pgrep -P "${pids[-1]}" -x dotnet || echo "${pids[-1]}")")
  done
  targets=$(IFS=,; echo "${api_urls[*]}")
  published_before=0; for u in "${worker_urls[@]}"; do published_before=$((published_before + $(metric "$u" engine_outbox_published))); done
  rm -f "$WORK/outbox-watch"
  (while :; do echo "$(metric "${worker_urls[0]}" engine_outbox_pending) $(metric "${worker_urls[0]}" engine_outbox_oldest_pending_age)" >>"$WORK/outbox-watch"; sleep 1; done) &
  watch_pid=$!
  for rate in "$RATE" "$MAX_RATE"; do
    say "layout $apis API + $workers Worker: $rate requests/s offered, ${WARMUP} s warm-up, $DURATION s measured"
    before=(); for p in "${procs[@]}"; do before+=("$(cpu_of "$p")"); done
    pg0=$(pg_cpu); rb0=$(cpu_of "$(beam_pid)"); t0=$(date +%s.%N)
    (cd "$WORK" && /usr/bin/time -f "load generator: %U s user, %S s system" dotnet "$LOADGEN" --targets "$targets" --ids "$WORK/ids.txt" \
      --rate "$rate" --seconds "$DURATION" --warmup "$WARMUP" --concurrency 64 --out "$WORK/$layout") || { status=1; echo "multi-process: FAILED requests in this run"; }
    t1=$(date +%s.%N)
    line="CPU over the run's $(printf '%.0f' "$(echo "$t1 - $t0" | bc)") s (seconds of one core):"
    i=0; for p in "${procs[@]}"; do line+=" ${names[$i]} $(echo "scale=1; ($(cpu_of "$p") - ${before[$i]}) / 100" | bc);"; i=$((i + 1)); done
    line+=" PostgreSQL $(echo "scale=1; ($(pg_cpu) - $pg0) / 100" | bc); RabbitMQ $(echo "scale=1; ($(cpu_of "$(beam_pid)") - $rb0) / 100" | bc)"
    echo "$line"
  done
  say "layout $apis API + $workers Worker: waiting for the outbox and the deliveries to drain"
  drain0=$(date +%s.%N)
  for _ in $(seq 1 120); do
    pending=$(metric "${worker_urls[0]}" engine_outbox_pending)
    queued=$(psql_value "SELECT count(*) FROM notifications.deliveries WHERE status IN ('Queued', 'Retrying')")
    [ "$pending" = 0 ] && [ "$queued" = 0 ] && break; sleep 1
  done
  kill "$watch_pid" 2>/dev/null || true; wait "$watch_pid" 2>/dev/null || true; watch_pid=""
  published=0; per_worker=""
  for u in "${worker_urls[@]}"; do n=$(metric "$u" engine_outbox_published); published=$((published + n)); per_worker+=" $n"; done
  echo "worker side: $((published - published_before)) outbox messages published (per Worker, since its start:$per_worker);" \
    "largest backlog $(awk '{print $1}' "$WORK/outbox-watch" | sort -n | tail -1), oldest pending at most $(awk '{print $2}' "$WORK/outbox-watch" | sort -g | tail -1) s;" \
    "drained $(printf '%.0f' "$(echo "$(date +%s.%N) - $drain0" | bc)") s after the load;" \
    "$(( $(psql_value "SELECT count(*) FROM notifications.deliveries WHERE status = 'Sent'") )) citizen notices sent in all ($(( $(psql_value "SELECT count(*) FROM notifications.deliveries") - $(cat "$WORK/deliveries-before") )) new)"

  # The layout's correctness: every step done once, every reception's notice delivered, nothing left in the outbox.
  check=$(psql -d iso -tA -F ' ' <<SQL
CREATE TEMP TABLE assigned (id uuid, outcome text);
CREATE TEMP TABLE received (id uuid);
\copy assigned FROM '$WORK/$layout/assigned.txt' WITH (FORMAT csv, DELIMITER ';')
\copy received FROM '$WORK/$layout/received.txt'
SELECT (SELECT count(*) FROM assigned),
       (SELECT count(*) FROM assigned WHERE outcome <> 'ok'),
       (SELECT count(*) FROM (SELECT a.id FROM assigned a LEFT JOIN procedures.dossier_events e ON e.dossier_id = a.id AND e.kind = 'Assigned'
          GROUP BY a.id HAVING count(e.dossier_id) <> 1) bad),
       (SELECT count(*) FROM received),
       (SELECT count(*) FROM (SELECT r.id FROM received r LEFT JOIN procedures.dossiers d ON d.id = r.id GROUP BY r.id HAVING count(d.id) <> 1) bad),
       (SELECT count(*) FROM received r WHERE (SELECT count(*) FROM notifications.deliveries n WHERE n.dossier_id = r.id AND n.status = 'Sent') < 1);
SQL
)
  read -r n_assigned n_failed n_bad_steps n_received n_bad_received n_undelivered <<<"$(echo "$check" | tail -1)"
  parked=$(metric "${worker_urls[0]}" engine_outbox_parked)
  pending=$(metric "${worker_urls[0]}" engine_outbox_pending)
  echo "check: $n_assigned steps ($n_failed failed), $n_bad_steps not assigned exactly once; $n_received receptions, $n_bad_received not stored once," \
    "$n_undelivered without a sent notice; outbox pending $pending, parked $parked"
  if [ "$n_failed$n_bad_steps$n_bad_received$n_undelivered$pending$parked" != 000000 ]; then status=1; echo "check: FAILED"; else echo "check: passed"; fi
  stop_all
done
say "done"
exit "$status"
