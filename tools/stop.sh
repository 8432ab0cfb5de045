#!/usr/bin/env bash
# Stops what the start command started: the services, then the Kafka broker. Data stays.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/tools/services.sh"
for service in "${SERVICES[@]}"; do
  pidfile="$RUN_DIR/$service.pid"
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    echo "$service: stopped"
  fi
  rm -f "$pidfile"
done
bash "$root/tools/infra.sh" down
