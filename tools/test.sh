#!/usr/bin/env bash
# The test command: installs what is needed, brings up (or reuses) Postgres and Kafka, then runs every check
# through Nx: contracts (buf lint + breaking), lint with module boundaries, type check, unit tests and the
# compiled build of every project, then the integration tests against the real Postgres and Kafka (one
# project at a time: they share the broker and the database server). A Kafka broker this command started is
# stopped at the end; one it found running is left alone. NAPL_TEST_INFRA=containers uses testcontainers
# instead (needs Docker).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false KAFKAJS_NO_PARTITIONER_WARNING=1
started=$(date +%s)
step() { echo; echo "==> $1 ($(( $(date +%s) - started )) s)"; }

step "install"
bash tools/install.sh
source tools/node-env.sh
echo "node: $(node --version)"
bash tools/browser.sh
if [ "${NAPL_TEST_INFRA:-local}" = local ]; then
  step "infrastructure"
  export NAPL_INFRA_OWNER="test-$$"
  trap 'bash tools/infra.sh release' EXIT
  bash tools/infra.sh up
fi

step "contracts"
bash tools/contracts-check.sh

step "lint, type check, unit tests, build (nx run-many)"
nx run-many -t lint typecheck test build --outputStyle=stream-without-prefixes
bash tools/check-boundaries.sh

step "integration tests (real Postgres and Kafka)"
# One run id for every project: the hostile-input suite's figures and the scan of the run's topics add up over it.
export NAPL_TEST_RUN_ID="${NAPL_TEST_RUN_ID:-run$(date +%s)_$$}"
status=0
nx run-many -t integration-test --parallel=1 --outputStyle=stream-without-prefixes || status=$?

step "hostile input on every route, other tenants, personal data on Kafka: the figures"
node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/test-figures.ts || status=$?
[ "$status" -eq 0 ] || exit "$status"

echo; echo "all checks passed in $(( $(date +%s) - started )) s"
