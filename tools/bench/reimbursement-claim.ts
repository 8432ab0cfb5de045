/**
 * Claim benchmark of the reimbursement service: the submission of a region's claim of 5,000 lines, each line checked
 * (eligible, in the region, never claimed, within the caps, budget left) and committed in one transaction.
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/bench/reimbursement-claim.ts [lines] [runs]
 * (defaults 5000 lines, 10 timed runs after one warm-up). Needs Postgres and Kafka; the service runs in this process
 * (as the integration tests start it: migrations, outbox relay and consumer included) on a scratch database and topics.
 *
 * 1. Writes the givens straight into the service's tables (not timed): a region with one school, a budget for this
 *    year, a published rule (50 % of the tuition, completed with 80 % attendance), an offer with a valid quality mark
 *    and a run of 4 sessions.
 * 2. Per run: `lines` fresh completed enrolments (each of its own teacher, all sessions attended) as the copies the
 *    enrolment events leave, then a draft claim of them through POST /v1/claims (timed apart).
 * 3. Times POST /v1/claims/{id}/submit: the budget lock, the judgements of all lines in a fixed number of queries, the
 *    checks, the set-based line update, the commitments in the ledger, ClaimSubmitted, and every enrolment's
 *    eligibility judged again (5,000 outcomes stored, 5,000 EligibilityDecided in the outbox).
 *    Before each run the previous run's events have left the outbox, so the relay does not share the CPU with it.
 * 4. Checks that every line was submitted and committed, and prints lines checked per second and the p50/p99 of the
 *    submit time over the runs.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { todayInAmsterdam } from '@napl/domain';
import { startTestService } from '@napl/testing';
import { ReimbursementConfig } from '../../services/reimbursement/src/reimbursement.config';
import { REIMBURSEMENT_SERVICE } from '../../services/reimbursement/src/reimbursement.description';
import { ReimbursementModule } from '../../services/reimbursement/src/reimbursement.module';

const [linesArg, runsArg] = process.argv.slice(2).map(Number);
const LINES = linesArg || 5_000;
const RUNS = runsArg || 10;
const REGION = 'bench-regio';
const SCHOOL = '99ZZ00';

async function main(): Promise<void> {
  const service = await startTestService({
    description: REIMBURSEMENT_SERVICE,
    configClass: ReimbursementConfig,
    module: (config, auth) => ReimbursementModule.forRoot(config, auth),
    env: { LOG_LEVEL: 'warn' },
  });
  const db = service.dataSource;
  try {
    const server = service.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const token = `Bearer ${await service.tokenFor({ subject: 'bench-regio-user', roles: ['region'], regionId: REGION })}`;
    const today = todayInAmsterdam();
    const year = Number(today.slice(0, 4));
    const offerId = randomUUID();
    const runId = randomUUID();

    await db.query(`INSERT INTO region (region_id, name, kind) VALUES ($1, 'Benchmarkregio', 'area')`, [REGION]);
    await db.query(`INSERT INTO school_location (school_id, region_id) VALUES ($1, $2)`, [SCHOOL, REGION]);
    await db.query(`INSERT INTO budget_allocation (region_id, year, amount_cents, tranche_code) VALUES ($1, $2, $3, $4)`, [REGION, year, 5_000_000_000, year <= 2028 ? '2025-2028' : '2029-2034']);
    await db.query(
      `INSERT INTO rule_version (version, status, valid_from, cost_types, percentage_basis_points, max_per_offer_cents, max_per_school_year_cents,
                                 participation_kind, minimum_attendance_percent, review_above_cents, published_at)
       VALUES (1, 'published', $1::date - 365, ARRAY['tuition'], 5000, 100000, 150000, 'completed', 80, NULL, now())`,
      [today],
    );
    await db.query(`INSERT INTO known_mark (mark_id, offer_id, offer_version, granted_at, valid_until) VALUES ($1, $2, 1, now() - interval '30 days', now() + interval '365 days')`, [
      randomUUID(),
      offerId,
    ]);
    await db.query(`INSERT INTO known_run (run_id, offer_id, session_count, source_revision, source_version) VALUES ($1, $2, 4, 1, now())`, [runId, offerId]);

    const submitMs: number[] = [];
    const draftMs: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const ids = Array.from({ length: LINES }, () => randomUUID());
      await db.query(
        `INSERT INTO enrolment_fact (enrolment_id, teacher_id, offer_id, run_id, provider_id, school_id, sector, price_cents, status, enrolled_on, started, sessions_attended)
         SELECT id, gen_random_uuid(), $2, $3, gen_random_uuid(), $4, 'po', 120000, 'completed', $5::date, true, 4 FROM unnest($1::uuid[]) AS t(id)`,
        [ids, offerId, runId, SCHOOL, today],
      );
      await db.query(`ANALYZE enrolment_fact`);
      // The previous run's events on their way to Kafka would share the CPU with this run's submission.
      await outboxDrained(db);

      const draftStart = performance.now();
      const drafted = await call(base, token, 'POST', '/v1/claims', { enrolmentIds: ids, reference: `bench ${run}` });
      const draftTime = performance.now() - draftStart;
      if (drafted.status !== 201) throw new Error(`draft answered ${drafted.status}: ${JSON.stringify(drafted.body).slice(0, 500)}`);

      const submitStart = performance.now();
      const submitted = await call(base, token, 'POST', `/v1/claims/${drafted.body.claimId}/submit`);
      const submitTime = performance.now() - submitStart;
      if (submitted.status !== 200) throw new Error(`submit answered ${submitted.status}: ${JSON.stringify(submitted.body).slice(0, 500)}`);
      const [{ lines, committed }] = await db.query(
        `SELECT (SELECT count(*)::int FROM claim_line WHERE claim_id = $1 AND state = 'submitted') AS lines,
                (SELECT count(*)::int FROM ledger_entry WHERE claim_id = $1 AND kind = 'commitment') AS committed`,
        [drafted.body.claimId],
      );
      if (lines !== LINES || committed !== LINES) throw new Error(`run ${run}: ${lines} lines submitted, ${committed} committed, expected ${LINES}`);
      const label = run === 0 ? 'warm-up' : `run ${run}`;
      console.log(`  ${label}: draft ${draftTime.toFixed(0)} ms, submit ${submitTime.toFixed(0)} ms (${((LINES / submitTime) * 1000).toFixed(0)} lines/s)`);
      if (run > 0) {
        submitMs.push(submitTime);
        draftMs.push(draftTime);
      }
    }

    const sorted = [...submitMs].sort((a, b) => a - b);
    const percentile = (values: number[], p: number) => values[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
    const total = submitMs.reduce((sum, ms) => sum + ms, 0);
    console.log(`reimbursement claim: ${RUNS} claims of ${LINES} lines submitted through HTTP, service in this process, real Postgres and Kafka`);
    console.log(`  submit, ms: p50 ${percentile(sorted, 50).toFixed(0)}, p99 ${percentile(sorted, 99).toFixed(0)}, min ${sorted[0].toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)}`);
    console.log(`  lines checked and committed per second: ${((LINES * RUNS * 1000) / total).toFixed(0)} (at p99: ${((LINES * 1000) / percentile(sorted, 99)).toFixed(0)})`);
    console.log(`  draft (POST /v1/claims), ms: p50 ${percentile([...draftMs].sort((a, b) => a - b), 50).toFixed(0)}`);
  } finally {
    // Drops the scratch database and deletes the scratch topics.
    await service.close();
  }
}

async function outboxDrained(db: DataSource): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    const [{ waiting }] = await db.query(`SELECT count(*)::int AS waiting FROM outbox_message WHERE published_at IS NULL`);
    if (waiting === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the outbox did not drain within 2 minutes');
}

async function call(base: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: { claimId: string } & Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: token, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { claimId: string } & Record<string, unknown> };
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
