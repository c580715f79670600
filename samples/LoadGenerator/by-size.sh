#!/usr/bin/env bash
# The API's reads and steps and the SLA sweep by database size (docs/benchmarks.md, "By database size"). Not part of CI.
#
# For each size in $SIZES (100k, 500k, 2m; one size per command keeps each under 10 minutes):
# 1. API: copies the generated database of that size (samples/Generator: dossiers, assignment events and statistics,
#    no workflow instances; $DATA_100K, $DATA_500K, $DATA_2M, with their .secrets files beside them) to $WORK, never
#    touching the original, starts PostgreSQL 15 on the copy, starts the API on it once (migrations, the sample province
#    and its accounts), creates $SEED dossiers through the API (the reads and steps need dossiers with workflow
#    instances of the sample province), then runs the load generator's scenarios at $RATE requests/s, and the step
#    path (and the dossier read) closed-loop with 1, 4 and 16 callers ($CALLERS). The copy is deleted at the end.
# 2. SLA sweep: tests/Benchmarks' `notifications` probe with as many open work items as the size (10,000 of them due),
#    on its own embedded cluster: the first sweep (the burst) and the steady-state sweeps.
# Printed: the database's dossier count, the scenario table, the callers table, the sweep lines; the load average at
# each step.
#
# Usage: SIZES=100k samples/LoadGenerator/by-size.sh    (then SIZES=500k, SIZES=2m)
#        (SEED=5000, RATE=30, DURATION=10, WARMUP=5, CALLERS=1,4,16, CALLER_SECONDS=5, PARTS="api sla")
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)
SIZES=${SIZES:-"100k 500k 2m"}
SEED=${SEED:-5000}
RATE=${RATE:-30}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
CALLERS=${CALLERS:-1,4,16}
CALLER_SECONDS=${CALLER_SECONDS:-5}
PARTS=${PARTS:-"api sla"}
DATA_100K=${DATA_100K:-/tmp/d3-gen-100k}
DATA_500K=${DATA_500K:-/tmp/c3-gen-500k}
DATA_2M=${DATA_2M:-/tmp/d3-gen-2m}
API_DLL=$root/src/Api/bin/Release/net10.0/Api.dll
LOADGEN=$root/samples/LoadGenerator/bin/Release/net10.0/LoadGenerator.dll
BENCH=$root/tests/Benchmarks/bin/Release/net10.0/Benchmarks.dll
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=$(mktemp -d /tmp/iso-by-size.XXXXXX)
source samples/LoadGenerator/bench-lib.sh
for f in "$API_DLL" "$LOADGEN" "$BENCH"; do
  [ -f "$f" ] || { echo "by-size: $f is missing (build first: dotnet build Engine.sln -c Release)" >&2; exit 1; }
done
chmod 755 "$WORK"
pids=()
copy=""
cleanup() {
  stop_all
  if [ -n "$copy" ]; then
    [ -f "$copy/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$copy" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$copy"
  fi
  echo "by-size: logs in $WORK"
}
trap cleanup EXIT

for size in $SIZES; do
  case $size in
    100k) data=$DATA_100K open=100000 ;;
    500k) data=$DATA_500K open=500000 ;;
    2m) data=$DATA_2M open=2000000 ;;
    *) echo "by-size: unknown size $size (100k, 500k, 2m)" >&2; exit 1 ;;
  esac
  if [[ " $PARTS " == *" api "* ]]; then
    [ -f "$data/PG_VERSION" ] && [ -f "$data.secrets" ] || { echo "by-size: no generated database at $data (see docs/benchmarks.md)" >&2; exit 1; }
    [ -f "$data/postmaster.pid" ] && { echo "by-size: $data is in use by a running server; stop it first" >&2; exit 1; }
    copy=$WORK/pg-$size
    say "$size: copying $data ($(du -sh "$data" | cut -f1)) to $copy"
    cp -a "$data" "$copy"
    port=$(free_port)
    as_pg "$PG_BIN/pg_ctl" -D "$copy" -l "$copy/server.log" -w -t 300 -o "-p $port -c shared_buffers=512MB $PG_FAST" start >/dev/null
    password=$(sed -n 's/^superuser=//p' "$data.secrets")
    export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGPASSWORD=$password PGDATABASE=generator
    echo "$size: $(psql -tAc "SELECT count(*) FROM procedures.dossiers") dossiers, $(psql -tAc "SELECT count(*) FROM procedures.dossiers WHERE finished_at IS NULL") open"
    # The generator's 700-odd officials would each get a demo account (a password hash each: minutes at start); only the
    # sample province's are needed here, so the generated ones are marked inactive in the copy.
    psql -qc "UPDATE procedures.officials SET is_active = false WHERE is_active" >/dev/null
    conn="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=generator"
    api_port=$(free_port)
    say "$size: starting the API (migrations, sample province; single process)"
    start "api-$size" "$api_port" "cd '$root/src/Api' && ConnectionStrings__Default='$conn' Files__Folder='$WORK/files-$size' Samples__Seed=true \
Samples__Dossiers=0 exec dotnet '$API_DLL' --urls http://127.0.0.1:$api_port $LIMITS"
    say "$size: $SEED dossiers through the API"
    (cd "$WORK" && dotnet "$LOADGEN" --url "http://127.0.0.1:$api_port" --dossiers "$SEED" --ids "$WORK/ids-$size.txt" --only "seeding only") | grep -v '^|' || true
    psql -qc "VACUUM ANALYZE procedures.dossiers" >/dev/null
    echo "$size: $(psql -tAc "SELECT count(*) FROM procedures.dossiers") dossiers in all"
    say "$size: the scenarios at $RATE requests/s ($WARMUP s warm-up, $DURATION s measured each)"
    (cd "$WORK" && dotnet "$LOADGEN" --url "http://127.0.0.1:$api_port" --ids "$WORK/ids-$size.txt" --rate "$RATE" --seconds "$DURATION" --warmup "$WARMUP") \
      | grep '^|' | awk '!seen[$0]++' || echo "by-size: failed requests in the scenarios"
    for scenario in "complete a step" "dossier by id"; do
      say "$size: $scenario, closed loop with $CALLERS callers ($CALLER_SECONDS s each)"
      # No warm-up of its own: the scenarios just before warmed every path up.
      (cd "$WORK" && dotnet "$LOADGEN" --url "http://127.0.0.1:$api_port" --ids "$WORK/ids-$size.txt" --rate "$RATE" --seconds "$CALLER_SECONDS" --warmup 0 \
        --callers "$CALLERS" --only "$scenario") | grep '^|' || echo "by-size: failed requests with callers"
    done
    stop_all
    as_pg "$PG_BIN/pg_ctl" -D "$copy" -m fast stop >/dev/null
    rm -rf "$copy"
    copy=""
  fi
  if [[ " $PARTS " == *" sla "* ]]; then
    say "$size: SLA sweep over $open open work items, 10,000 due (tests/Benchmarks notifications $open 10000 0)"
    dotnet "$BENCH" notifications "$open" 10000 0 | grep -v '^  page read' || echo "by-size: the sweep probe failed"
  fi
done
say "done"
