#!/usr/bin/env bash
# The test command: installs what is needed, brings up (or reuses) Postgres and Kafka, then runs every check:
# contracts (buf lint + breaking), lint with module boundaries, type check, unit tests, integration tests
# against the real Postgres and Kafka. NAPL_TEST_INFRA=containers uses testcontainers instead (needs Docker).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1
started=$(date +%s)
step() { echo; echo "==> $1 ($(( $(date +%s) - started )) s)"; }

step "install"
bash tools/install.sh
if [ "${NAPL_TEST_INFRA:-local}" = local ]; then
  step "infrastructure"
  bash tools/infra.sh up
fi

step "contracts"
bash tools/contracts-check.sh

step "lint"
npm run --silent lint
bash tools/check-boundaries.sh

step "type check"
npm run --silent typecheck

step "unit tests"
node_modules/.bin/jest -c jest.config.ts

step "integration tests (real Postgres and Kafka)"
node_modules/.bin/jest -c jest.integration.config.ts --runInBand

echo; echo "all checks passed in $(( $(date +%s) - started )) s"
