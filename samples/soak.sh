#!/usr/bin/env bash
# Soak of the single-process system as ./run.sh starts it: a fresh embedded database and files folder, DOSSIERS dossiers
# created through the API, then a mixed load (reads, web pages, steps, uploads) at RATE requests/s for SOAK_MINUTES,
# recording per 30 s window the latencies and the API process's memory, handles and threads into a CSV.
# Not part of CI. Usage: SOAK_MINUTES=30 RATE=50 DOSSIERS=2000 samples/soak.sh  (figures go to docs/reliability.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
MINUTES=${SOAK_MINUTES:-30}
RATE=${RATE:-50}
DOSSIERS=${DOSSIERS:-2000}
PORT=${PORT:-5090}
WORK=$(mktemp -d /tmp/iso-soak.XXXXXX)
chmod 755 "$WORK"
echo "soak: working folder $WORK"

Embedded__DataDirectory="$WORK/postgres" Files__Folder="$WORK/files" ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  setsid ./run.sh --Samples:Dossiers=0 --RateLimits:tracking=10000000 --RateLimits:public=10000000 --RateLimits:sign-in=100000 \
  >"$WORK/app.log" 2>&1 &
RUN_PID=$!
stop() { kill -INT -- "-$RUN_PID" 2>/dev/null || true; sleep 5; kill -9 -- "-$RUN_PID" 2>/dev/null || true; }
trap stop EXIT

for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then break; fi
  sleep 2
done
curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null || { echo "soak: the app did not become ready" >&2; tail -50 "$WORK/app.log" >&2; exit 1; }
API_PID=$(pgrep -f "bin/Release/net10.0/Api" | head -1)
echo "soak: API process $API_PID ready"

dotnet build samples/LoadGenerator -c Release -v quiet >/dev/null
dotnet samples/LoadGenerator/bin/Release/net10.0/LoadGenerator.dll --url "http://127.0.0.1:$PORT" --dossiers "$DOSSIERS" --ids "$WORK/ids.txt" \
  --rate "$RATE" --concurrency 64 --soak-minutes "$MINUTES" --pid "$API_PID" --csv "$WORK/soak.csv" | tee "$WORK/soak.md"
status=${PIPESTATUS[0]}
echo "soak: app log $WORK/app.log, figures $WORK/soak.csv"
grep -E " (ERR|FTL) " "$WORK/app.log" | head -20 || true
exit "$status"
