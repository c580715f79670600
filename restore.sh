#!/usr/bin/env bash
# Restores ISO điện tử from a folder written by backup.sh into an empty database (or a new embedded data
# folder) and an empty files folder; every file is checked against its SHA-256 first. Same settings as run.sh.
# Usage: ./restore.sh <folder> [--Setting=value ...]      See docs/operations.md, "Backups".
set -euo pipefail
caller=$(pwd)
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The folder is named from where the script was called; the app runs from the repository.
if [ $# -ge 1 ] && [[ "$1" != /* ]]; then set -- "$caller/$1" "${@:2}"; fi
exec dotnet run --project src/Api -c Release -- restore "$@"
