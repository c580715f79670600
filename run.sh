#!/usr/bin/env bash
# Runs ISO điện tử on this machine: API, web pages and background work in one process, on an embedded
# PostgreSQL cluster kept in .data/postgres (unless ConnectionStrings__Default names a server).
# Installs the PostgreSQL server binaries first when they are missing (Debian/Ubuntu, as root or with sudo).
# Usage: ./run.sh [app arguments, e.g. --urls http://0.0.0.0:8080]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

have_postgres_server() {
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: the .NET 10 SDK (dotnet) is required: https://dot.net" >&2
  exit 1
fi

if [ -z "${ConnectionStrings__Default:-}" ] && ! have_postgres_server; then
  echo "run.sh: installing the PostgreSQL server (apt: postgresql)"
  apt_install postgresql
fi

say() { printf '\nrun.sh: %s\n' "$*"; }

# ReadyToRun: the app is published to .build/api with native code for this machine, so a fresh start answers its first
# requests without waiting for the JIT (docs/benchmarks.md, "A freshly started server"). RUN_SH_READY_TO_RUN=false
# publishes plain IL, a little faster to build.
case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
ready_to_run="${RUN_SH_READY_TO_RUN:-true}"

# Each step says what it does before it starts: the first build alone takes a few minutes and prints nothing meanwhile.
say "1/3 khôi phục thư viện (restoring NuGet packages)…"
dotnet restore src/Api/Api.csproj -r "$rid" -p:PublishReadyToRun="$ready_to_run" --verbosity quiet
say "2/3 biên dịch (building, Release) — lần đầu mất vài phút (the first time takes a few minutes)…"
dotnet publish src/Api/Api.csproj -c Release -r "$rid" --self-contained false -p:PublishReadyToRun="$ready_to_run" -p:UseAppHost=false \
  --no-restore -o .build/api --verbosity quiet -nologo -clp:NoSummary
if [ -z "${ConnectionStrings__Default:-}" ]; then
  say "3/3 khởi động: cơ sở dữ liệu PostgreSQL nhúng trong .data/, cập nhật cấu trúc, quy trình, dữ liệu mẫu lần đầu (starting: embedded database, migrations, workflows, sample data the first time)…"
else
  say "3/3 khởi động: cơ sở dữ liệu đã cấu hình, cập nhật cấu trúc, quy trình (starting: configured database, migrations, workflows)…"
fi

# The app ends its start with one block: the address, the demo accounts, how to stop (Logs:StartBanner). Requests are
# logged only when they fail (Logs__Requests=Information logs every one).
export Logs__StartBanner="${Logs__StartBanner:-true}"

# Not exec: when the app ends, for whatever reason, say so with its exit code (a kill -9 or the OOM killer leaves
# nothing in the app's own log). Ctrl+C reaches the app directly; the trap only keeps this script alive to report.
trap ':' INT
set +e
# From src/Api, as `dotnet run` started it: the content root (.data/, the workflows found from there) stays where it was;
# the web pages' files are the published ones.
root="$(pwd)"
cd src/Api
dotnet "$root/.build/api/Api.dll" --webroot "$root/.build/api/wwwroot" "$@"
code=$?
set -e
reason=""
if [ "$code" -gt 128 ]; then reason=" (signal $((code - 128)): $(kill -l $((code - 128)) 2>/dev/null || echo '?'))"; fi
echo "run.sh: ISO điện tử stopped at $(date '+%Y-%m-%d %H:%M:%S') with exit code ${code}${reason}" >&2
exit "$code"
