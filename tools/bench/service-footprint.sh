#!/usr/bin/env bash
# Benchmark: per service, the time from process start to a healthy answer and the resident memory when idle.
# Starts each service alone (the others stopped), waits for /health, idles, then reads VmRSS from /proc.
#   tools/bench/service-footprint.sh                 the compiled services (npm start's way; builds first)
#   NAPL_SERVICE_CMD='node -r ts-node/register/transpile-only -r tsconfig-paths/register services/%s/src/main.ts' \
#     tools/bench/service-footprint.sh               another way of starting them (%s is the service)
# Needs Postgres and Kafka up (tools/infra.sh up). Prints one line per service.
set -euo pipefail
root="${NAPL_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
cd "$root"
services=(${NAPL_SERVICES:-catalogue quality paths enrolments reimbursement monitoring gateway})
idle_seconds="${NAPL_IDLE_SECONDS:-10}"
source "$root/tools/services.sh"
source "$root/tools/node-env.sh"
if [ -z "${NAPL_SERVICE_CMD:-}" ]; then
  NX_DAEMON=false NX_NO_CLOUD=true nx run-many -t build --projects='tag:type:app' --outputStyle=static >/dev/null
fi
command_pattern="${NAPL_SERVICE_CMD:-node $SERVICE_NODE_OPTIONS services/%s/dist/main.js}"
port=3990
printf '%-14s %14s %14s\n' service healthy_ms idle_rss_mb
for service in "${services[@]}"; do
  # shellcheck disable=SC2059
  command="$(printf "$command_pattern" "$service")"
  started=$(date +%s%N)
  PORT=$port NODE_ENV=development bash -c "exec $command" > "/tmp/napl-footprint-$service.log" 2>&1 &
  pid=$!
  healthy_ms=""
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/health"; then
      healthy_ms=$(( ($(date +%s%N) - started) / 1000000 )); break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  if [ -z "$healthy_ms" ]; then
    echo "$service: not healthy; log: /tmp/napl-footprint-$service.log" >&2; kill "$pid" 2>/dev/null || true; exit 1
  fi
  sleep "$idle_seconds"
  rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  printf '%-14s %14s %14s\n' "$service" "$healthy_ms" "$(( rss_kb / 1024 ))"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
done
