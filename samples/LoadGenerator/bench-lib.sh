# Shared by multi-process.sh and by-size.sh (sourced, not run): messages, free ports, PostgreSQL as its own account,
# and starting a server in its own process group until its /health/ready answers. Expects $WORK and the array pids.
say() { printf '\n%s: %s (load average %s)\n' "$(basename "$0" .sh)" "$*" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# PostgreSQL refuses to run as root: as root, clusters belong to the postgres account (as the embedded cluster does).
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# Settings of the throwaway clusters the earlier API runs used (EmbeddedPostgres, durable: false).
PG_FAST="-c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=500 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"

# start NAME PORT COMMAND: runs COMMAND in its own process group, logs to $WORK/NAME.log, waits for /health/ready.
start() {
  local name=$1 port=$2
  setsid bash -c "$3" >"$WORK/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "$name ended before it was ready:" >&2; tail -30 "$WORK/$name.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name was not ready within 300 s" >&2; exit 1
}
stop_all() {
  for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
LIMITS="--RateLimits:tracking=10000000 --RateLimits:public=10000000 --RateLimits:sign-in=100000"
