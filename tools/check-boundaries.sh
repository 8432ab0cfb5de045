#!/usr/bin/env bash
# Proves that lint refuses a service importing another service's code (the module-boundary rule is live,
# not silently skipped for want of a project graph).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
probe=services/enrolments/src/boundary-probe.ts
trap 'rm -f "$probe"' EXIT
printf "import { CATALOGUE_SERVICE } from '../../catalogue/src/catalogue.description';\n\nexport const probe = CATALOGUE_SERVICE;\n" > "$probe"
if output="$(node_modules/.bin/eslint "$probe" 2>&1)"; then
  echo "lint: a service importing another service passed lint; the boundary rule is not enforced" >&2; exit 1
fi
grep -q "@nx/enforce-module-boundaries" <<<"$output" || { echo "$output" >&2; exit 1; }
echo "lint: a service importing another service is refused"
