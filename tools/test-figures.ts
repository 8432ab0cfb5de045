/*
 * The figures of one test run (tools/test.sh): per service, what the hostile-input suite sent and found, and what the
 * scan of every topic the run wrote found. The suites fail on their own findings; this prints the totals, and fails
 * when a figure that must be zero is not (or when no service was covered at all, i.e. the suite did not run).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runReportDirectory, scannedSoFar, type SuiteFigures } from '@napl/testing';

const file = join(runReportDirectory(), 'hostile-input.jsonl');
const records = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as SuiteFigures) : [];
const sum = (pick: (figures: SuiteFigures) => number) => records.reduce((total, figures) => total + pick(figures), 0);

for (const figures of records) {
  console.log(
    `${figures.service.padEnd(14)} routes covered ${String(figures.routes).padStart(3)}, requests sent ${String(figures.requests).padStart(5)}, ` +
      `5xx seen ${figures.serverErrors}, cross-tenant requests ${figures.crossTenantRequests}, cross-tenant successes ${figures.crossTenantSuccesses}, ` +
      `failures ${figures.failures.length}`,
  );
}
const scanned = scannedSoFar();
console.log(
  `${'all services'.padEnd(14)} routes covered ${sum((f) => f.routes)}, requests sent ${sum((f) => f.requests)}, 5xx seen ${sum((f) => f.serverErrors)}, ` +
    `cross-tenant successes ${sum((f) => f.crossTenantSuccesses)}; topics scanned ${scanned.topics}, messages scanned ${scanned.messages}, ` +
    `personal data found ${scanned.findings.length}`,
);
for (const finding of scanned.findings) console.log(`  personal data on Kafka: ${finding}`);

const broken = records.length === 0 || sum((f) => f.serverErrors + f.crossTenantSuccesses + f.failures.length) > 0 || scanned.findings.length > 0;
process.exit(broken ? 1 : 0);
