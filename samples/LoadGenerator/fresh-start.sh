#!/usr/bin/env bash
# A freshly started API measured from its process start, plain IL then ReadyToRun, one after the other on the same
# database (docs/benchmarks.md, "A freshly started server"). Not part of CI.
#
# Given a built tree (`dotnet build Engine.sln -c Release`), it creates the database $DB on the PostgreSQL that
# PGHOST/PGPORT/PGUSER/PGPASSWORD name, starts the API once on it to migrate it and seed the sample province, creates
# $DOSSIERS dossiers through the API, stops it, then runs the load generator's --start-api mode twice: (a) the Release
# build (plain IL, src/Api/bin/Release/net10.0), (b) the ReadyToRun publish ($R2R_DIR, published first when missing:
# a crossgen pass over every assembly, a few minutes the first time). Each run prints when the process answered and was
# ready, p50/p99 per scenario per 5-second window from the process start, and the "time to aims" (the first window whose
# reads p99 < 50 ms and step p99 < 100 ms) and "time to steady" (p99 within 2x of the last windows') lines. About 4 minutes
# with the defaults once the ReadyToRun publish exists. The database is kept (DROP_DB=true drops it at the end); logs go
# to a /tmp folder.
#
# Usage: PGHOST=127.0.0.1 PGPORT=54329 PGUSER=postgres samples/LoadGenerator/fresh-start.sh
#        (DB, DOSSIERS=1000, RATE=24, DURATION=40 seconds of load, PORT=5194, R2R_DIR=.build/api-r2r, IL_DIR, DROP_DB=false)
# To compare builds or runtime settings one after the other on the same database, BUILDS lists the runs, separated by ';',
# each "name|build folder|environment" (the environment as VAR=value words, may be empty), e.g.
#   BUILDS="before|/tmp/base-r2r|;after|/tmp/r2r|;after, no PGO|/tmp/r2r|DOTNET_TieredPGO=0"
# Each run takes RATE x DURATION / 6 dossiers waiting at 'assign' (half of DOSSIERS are the section head's): size DOSSIERS
# for the number of runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${DB:-iso_fresh_start_$(date +%Y%m%d%H%M%S)}
DOSSIERS=${DOSSIERS:-1000}
RATE=${RATE:-24}
DURATION=${DURATION:-40}
PORT=${PORT:-5194}
R2R_DIR=${R2R_DIR:-.build/api-r2r}
IL_DIR=${IL_DIR:-src/Api/bin/Release/net10.0}
BUILDS=${BUILDS:-"plain IL|$IL_DIR|;ReadyToRun|$R2R_DIR|"}
LOADGEN=samples/LoadGenerator/bin/Release/net10.0/LoadGenerator.dll
WORK=$(mktemp -d /tmp/iso-fresh-start.XXXXXX)
say() { printf '\nfresh-start: %s (load average %s)\n' "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }

for f in "$IL_DIR/Api.dll" "$LOADGEN"; do
  [ -f "$f" ] || { echo "fresh-start: $f is missing; build first: dotnet build Engine.sln -c Release" >&2; exit 1; }
done
if [[ "$BUILDS" == *"|$R2R_DIR|"* && ! -f "$R2R_DIR/Api.dll" ]]; then
  say "publishing the ReadyToRun build to $R2R_DIR"
  case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
  dotnet publish src/Api/Api.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -p:UseAppHost=false \
    -o "$R2R_DIR" --verbosity quiet -nologo -clp:NoSummary
fi

say "creating database $DB on $PGHOST:$PGPORT"
createdb "$DB"
[ "${DROP_DB:-false}" = true ] && trap 'dropdb --if-exists "$DB" || true' EXIT
conn="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$DB${PGPASSWORD:+;Password=$PGPASSWORD}"
limits="--RateLimits:tracking=10000000 --RateLimits:public=10000000 --RateLimits:sign-in=100000"
# The command that starts the API from the build in $1, from src/Api as run.sh does (the workflows are found from there);
# $2 whether it seeds the sample province and accounts (only the seeding start does: a measured start is a production one);
# $3 environment assignments for the runtime (DOTNET_TieredPGO=0 ...).
api() {
  local dir=$1 webroot="" env=${3:-}
  case "$dir" in /*) ;; *) dir="$root/$dir" ;; esac
  [ -d "$dir/wwwroot" ] && webroot="--webroot '$dir/wwwroot'"
  echo "cd '$root/src/Api' && ConnectionStrings__Default='$conn' Files__Folder='$WORK/files' Samples__Seed=$2 Samples__Dossiers=0 $env \
exec dotnet '$dir/Api.dll' $webroot --urls http://127.0.0.1:$PORT $limits"
}

say "seeding: migrations, the sample province, $DOSSIERS dossiers through the API"
setsid bash -c "$(api "$IL_DIR" true)" >"$WORK/seed-api.log" 2>&1 &
seed_pid=$!
stop_seed() { kill -TERM -- "-$seed_pid" 2>/dev/null || true; wait "$seed_pid" 2>/dev/null || true; }
trap 'stop_seed; [ "${DROP_DB:-false}" = true ] && dropdb --if-exists "$DB" || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  kill -0 "$seed_pid" 2>/dev/null || { echo "fresh-start: the API ended before it was ready" >&2; tail -40 "$WORK/seed-api.log" >&2; exit 1; }
  sleep 1
done
dotnet "$LOADGEN" --url "http://127.0.0.1:$PORT" --dossiers "$DOSSIERS" --ids "$WORK/ids.txt" --only "no scenario, seeding only" \
  | grep -v '^|' || true
stop_seed
trap '[ "${DROP_DB:-false}" = true ] && dropdb --if-exists "$DB" || true' EXIT

status=0
IFS=';' read -r -a runs <<<"$BUILDS"
for run in "${runs[@]}"; do
  IFS='|' read -r name dir env <<<"$run"
  [ -f "$dir/Api.dll" ] || { echo "fresh-start: $dir/Api.dll is missing (run '$name')" >&2; status=1; continue; }
  say "$name ($dir${env:+, $env}): started by the load generator, $RATE requests/s for $DURATION s"
  (cd "$WORK" && dotnet "$root/$LOADGEN" --url "http://127.0.0.1:$PORT" --ids "$WORK/ids.txt" --rate "$RATE" --seconds "$DURATION" \
    --start-api "$(api "$dir" false "$env")" && mv fresh-start-api.log "api-${name//[^A-Za-z0-9]/-}.log") || { status=1; mv "$WORK/fresh-start-api.log" "$WORK/api-${name//[^A-Za-z0-9]/-}.log" 2>/dev/null || true; }
  grep -h "Warm-up:" "$WORK/api-${name//[^A-Za-z0-9]/-}.log" 2>/dev/null | tail -1 || true
done
say "done; API logs in $WORK"
exit "$status"
