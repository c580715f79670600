#!/usr/bin/env bash
# Builds the solution once and runs every test project against ONE shared throwaway PostgreSQL cluster,
# then prints one line "N passed, N failed, N skipped" summed over all projects.
# Exits non-zero when a test failed or when no test ran. Benchmarks are not run here.
# Usage: ./test.sh [extra `dotnet test` arguments, e.g. --filter "FullyQualifiedName~Api"]
# Installs what is missing first (Debian/Ubuntu, as root or with sudo): the PostgreSQL server, and the optional
# packages below when asked for.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

deb_missing() { ! dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# The directory holding initdb and pg_ctl: PATH first, then the newest /usr/lib/postgresql/*/bin.
pg_bin_dir() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  local dir
  dir=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && dirname "$dir"
}

# ---- Packages -----------------------------------------------------------------------------------------------
install_postgres() {
  if [ -z "$(pg_bin_dir)" ]; then
    echo "test.sh: installing the PostgreSQL server (apt: postgresql)"
    apt_install postgresql
  fi
}

# OPTIONAL PACKAGES for later test projects. Each is installed only when asked for, by a word in ISO_TEST_WITH
# (e.g. ISO_TEST_WITH="chromium rabbitmq smtp") or by the presence of the test project that needs it.
# Add a line here when a new test project needs a system package.
install_optional_packages() {
  local with=" ${ISO_TEST_WITH:-} " pkgs=() p
  if [[ $with == *" chromium "* || -d tests/Ui.Tests ]]; then pkgs+=(chromium chromium-driver); fi      # browser UI tests
  if [[ $with == *" rabbitmq "* || -d tests/Messaging.Tests || -d tests/Worker.Tests || -d tests/Reliability.Tests ]]; then pkgs+=(rabbitmq-server); fi   # multi-process bus tests and the fault run start throwaway nodes
  if [[ $with == *" smtp "* || -d tests/Notifications.Tests || -d tests/Worker.Tests || -d tests/Reliability.Tests ]]; then pkgs+=(python3-aiosmtpd); fi  # local SMTP sink (Worker.Tests email tests, the fault run)
  if [[ $with == *" pdf "* || -d tests/Procedures.Tests ]]; then pkgs+=(poppler-utils zbar-tools); fi   # pdftotext reads generated forms back; zbarimg decodes the QR
  local missing=()
  for p in ${pkgs[@]+"${pkgs[@]}"}; do if deb_missing "$p"; then missing+=("$p"); fi; done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    apt_install "${missing[@]}"
  fi
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK (dotnet) is required: https://dot.net" >&2
  exit 1
fi
install_postgres
install_optional_packages

# ---- One throwaway PostgreSQL cluster for every test project --------------------------------------------------
PG_BIN=$(pg_bin_dir)
WORK=$(mktemp -d /tmp/iso-test-run.XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$WORK"; fi

PG_DATA="$WORK/pgdata"
cleanup() {
  if [ -f "$PG_DATA/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-instructions \
    >"$WORK/initdb.log" 2>&1; then
  cat "$WORK/initdb.log" >&2
  exit 1
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PG_PORT=""
for _ in $(seq 1 20); do
  port=$((20000 + RANDOM % 30000))
  port_in_use "$port" && continue
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/postgres.log" -w -t 60 -o \
      "-p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c unix_socket_directories='' -c listen_addresses=127.0.0.1 -c max_connections=300" \
      start >/dev/null; then
    PG_PORT=$port
    break
  fi
done
if [ -z "$PG_PORT" ]; then
  echo "test.sh: the test PostgreSQL cluster did not start" >&2
  cat "$WORK/postgres.log" >&2 || true
  exit 1
fi
export ISO_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
echo "test.sh: test PostgreSQL on 127.0.0.1:$PG_PORT"

# ---- Build once, test everything ------------------------------------------------------------------------------
dotnet build Engine.sln -c Release -warnaserror

set +e
# The fault run (tests/Reliability.Tests) starts four app processes, a broker and a database of its own: it runs alone,
# after the other projects, so it neither starves them nor is starved by them on a small machine.
dotnet test Engine.sln -c Release --no-build -p:SkipFaultRun=true --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$WORK/test.log"
test_status=${PIPESTATUS[0]}
if [ -d tests/Reliability.Tests ]; then
  dotnet test tests/Reliability.Tests -c Release --no-build --logger "console;verbosity=minimal" "$@" 2>&1 | tee -a "$WORK/test.log"
  fault_status=${PIPESTATUS[0]}
  if [ "$test_status" -eq 0 ]; then test_status=$fault_status; fi
fi
set -e

# Each test project ends with "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T, ..."; projects
# without tests print no such line and count as zero.
read -r passed failed skipped < <(
  sed 's/\x1b\[[0-9;]*m//g' "$WORK/test.log" |
    grep -E '^[[:space:]]*(Passed|Failed)![[:space:]]+-[[:space:]]+Failed:' |
    awk -F'[:,]' '{ f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }'
)
echo "${passed} passed, ${failed} failed, ${skipped} skipped"

if [ "$failed" -gt 0 ] || [ "$test_status" -ne 0 ]; then exit 1; fi
if [ $((passed + failed)) -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
