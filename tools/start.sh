#!/usr/bin/env bash
# The start command: installs what is needed, brings up (or reuses) Postgres and Kafka, starts every
# service in the background and loads the demo data. Logs and pids in .local/run/. Stop with `npm stop`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source tools/services.sh
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
started=$(date +%s%N)

bash tools/install.sh
source tools/node-env.sh
bash tools/infra.sh up
mkdir -p "$RUN_DIR"
echo "build: the services and libs, compiled through Nx (cached when nothing changed)"
nx run-many -t build --projects='tag:type:app' --outputStyle=static >"$root/.local/build.log" 2>&1 \
  || { tail -40 "$root/.local/build.log" >&2; exit 1; }
node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/dev/demo-tokens.ts

healthy() { curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$1/health"; }

for service in "${SERVICES[@]}"; do
  port="${SERVICE_PORTS[$service]}"
  pidfile="$RUN_DIR/$service.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "$service: already running (pid $(cat "$pidfile"))"; continue
  fi
  if healthy "$port"; then echo "$service: something already answers on port $port; reusing it"; continue; fi
  kafka_env="$(service_kafka_env "$service")"
  # shellcheck disable=SC2086  # kafka_env: NAME=value words
  env PORT="$port" $kafka_env nohup node $SERVICE_NODE_OPTIONS "services/$service/dist/main.js" > "$RUN_DIR/$service.log" 2>&1 &
  echo $! > "$pidfile"
  echo "$service: starting on port $port (log: .local/run/$service.log)"
done

for service in "${SERVICES[@]}"; do
  port="${SERVICE_PORTS[$service]}"
  for attempt in $(seq 1 240); do
    if healthy "$port"; then break; fi
    if [ -f "$RUN_DIR/$service.pid" ] && ! kill -0 "$(cat "$RUN_DIR/$service.pid")" 2>/dev/null; then
      echo "$service: exited during start-up; last lines of its log:" >&2; tail -20 "$RUN_DIR/$service.log" >&2; exit 1
    fi
    if [ "$attempt" = 240 ]; then echo "$service: no health answer on port $port within 120 s" >&2; exit 1; fi
    sleep 0.5
  done
done
echo "platform: all ${#SERVICES[@]} services answer /health ($(( ($(date +%s%N) - started) / 1000000 )) ms since the start command)"

node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/demo/load-demo-data.ts

cat <<INFO

NAPL runs:
  portal and API gateway  http://127.0.0.1:${SERVICE_PORTS[gateway]}
$(for s in "${SERVICES[@]}"; do [ "$s" = gateway ] || printf '  %-22s  http://127.0.0.1:%s  (API docs: /docs)\n' "$s" "${SERVICE_PORTS[$s]}"; done)
  Kafka                   127.0.0.1:19092     Postgres  127.0.0.1:5432 (database napl)
Demo tokens: .local/dev-issuer/tokens/<account>.jwt, or: npm run --silent token -- docent-anne
Stop with: npm stop
INFO
