#!/usr/bin/env bash
# Proves that lint's boundary rules are live, not silently skipped (for want of a project graph, or because a
# files glob stopped matching): a service importing another service's code is refused, and so is domain code
# importing a framework or a platform lib, a service that opens a transaction past inTransaction, and a service that
# validates with class-validator's @IsOptional, @IsISO8601 or @IsDateString.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
probe=services/enrolments/src/boundary-probe.ts
framework_probe=services/enrolments/src/enrolments/domain/framework-probe.ts
platform_probe=services/enrolments/src/enrolments/domain/platform-lib-probe.ts
transaction_probe=services/enrolments/src/transaction-probe.ts
validation_probe=services/enrolments/src/validation-probe.ts
trap 'rm -f "$probe" "$framework_probe" "$platform_probe" "$transaction_probe" "$validation_probe"' EXIT

printf "import { CATALOGUE_SERVICE } from '../../catalogue/src/catalogue.description';\n\nexport const probe = CATALOGUE_SERVICE;\n" > "$probe"
if output="$(node_modules/.bin/eslint "$probe" 2>&1)"; then
  echo "lint: a service importing another service passed lint; the boundary rule is not enforced" >&2; exit 1
fi
grep -q "@nx/enforce-module-boundaries" <<<"$output" || { echo "$output" >&2; exit 1; }
echo "lint: a service importing another service is refused"

printf "import { Injectable } from '@nestjs/common';\n\nexport const probe = Injectable;\n" > "$framework_probe"
printf "import { DomainError } from '@napl/service-kit';\n\nexport const probe = DomainError;\n" > "$platform_probe"
for domain_probe in "$framework_probe" "$platform_probe"; do
  if output="$(node_modules/.bin/eslint "$domain_probe" 2>&1)"; then
    echo "lint: domain code importing $(grep -o "'[^']*'" "$domain_probe" | head -1) passed lint; the domain import rule is not enforced" >&2; exit 1
  fi
  grep -q "no-restricted-imports" <<<"$output" || { echo "$output" >&2; exit 1; }
done
echo "lint: domain code importing Nest or a platform lib is refused"

printf "import type { DataSource } from 'typeorm';\n\nexport const probe = (dataSource: DataSource) => dataSource.transaction(async () => undefined);\n" > "$transaction_probe"
if output="$(node_modules/.bin/eslint "$transaction_probe" 2>&1)"; then
  echo "lint: a bare dataSource.transaction in a service passed lint; the unit-of-work rule is not enforced" >&2; exit 1
fi
grep -q "inTransaction" <<<"$output" || { echo "$output" >&2; exit 1; }
echo "lint: a service's bare dataSource.transaction is refused (inTransaction joins the unit of work)"

for decorator in IsOptional IsISO8601 IsDateString; do
  printf "import { %s } from 'class-validator';\n\nexport const probe = %s;\n" "$decorator" "$decorator" > "$validation_probe"
  if output="$(node_modules/.bin/eslint "$validation_probe" 2>&1)"; then
    echo "lint: a service using class-validator's @$decorator passed lint; the validation rule is not enforced" >&2; exit 1
  fi
  grep -q "@napl/service-kit" <<<"$output" || { echo "$output" >&2; exit 1; }
done
echo "lint: a service using @IsOptional, @IsISO8601 or @IsDateString is refused (@Optional, @IsCalendarDate, @IsTimestamp)"
