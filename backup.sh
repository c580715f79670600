#!/usr/bin/env bash
# Backs up ISO điện tử into a new folder: the database (pg_dump), then the uploaded files with a SHA-256 per file, the
# key-ring key and the embedded cluster's passwords. Same settings as run.sh.
# Usage: ./backup.sh <folder> [--Setting=value ...]      See docs/operations.md, "Backups".
set -euo pipefail
caller=$(pwd)
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The folder is named from where the script was called; the app runs from the repository.
if [ $# -ge 1 ] && [[ "$1" != /* ]]; then set -- "$caller/$1" "${@:2}"; fi
exec dotnet run --project src/Api -c Release -- backup "$@"
