#!/usr/bin/env bash
# A second gateway with the portal, compiled from the working tree into .local/portal-dev-<port>/ and started on
# <port> in front of the services `npm start` runs (same database, keys and Kafka), so pages can be worked on and
# tried in a browser while the platform keeps running. Usage: tools/dev/portal-dev.sh 3010 (Ctrl-C stops it).
# Its tests: PORTAL_GATEWAY_URL=http://127.0.0.1:3010 npx jest -c services/gateway/jest.integration.config.ts portal
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source tools/services.sh
source tools/node-env.sh
port="${1:?usage: tools/dev/portal-dev.sh <port>}"
out=".local/portal-dev-$port"
# Emits even with type errors (another file in progress); the type check is `npx tsc -p services/gateway/tsconfig.json`.
tsc -p services/gateway/tsconfig.build.json --outDir "$out" || echo "portal-dev: type errors above; compiled anyway" >&2
kafka_env="$(service_kafka_env gateway)"
# shellcheck disable=SC2086  # kafka_env: NAME=value words
exec env PORT="$port" GATEWAY_PUBLIC_URL="http://127.0.0.1:$port" DEV_ISSUER_PORT="$((port + 100))" RATE_LIMITS=off LOG_LEVEL="${LOG_LEVEL:-warn}" $kafka_env \
  node $SERVICE_NODE_OPTIONS "$out/main.js"
