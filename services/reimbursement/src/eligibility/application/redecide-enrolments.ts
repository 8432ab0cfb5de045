import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { EntityManager } from 'typeorm';
import { EligibilityReason as EligibilityReasonCode, ReimbursementEvents } from '@napl/contracts';
import { publishManyInTransaction } from '@napl/messaging';
import { stopCountingClaimedEnrolment } from '../../claims/application/stop-counting-claimed-enrolment';
import { reasonClaimNoLongerCounts, type EligibilityOutcome, type EligibilityReason } from '../domain/eligibility';
import { loadJudgements, outcomeOf, type Judgement } from './enrolment-judgements';

/** The contract's code for each reason (proto enum ELIGIBILITY_REASON_<reason>). */
export const REASON_CODES: Record<EligibilityReason, EligibilityReasonCode> = {
  ELIGIBLE: EligibilityReasonCode.ELIGIBLE,
  NO_RULE_IN_FORCE: EligibilityReasonCode.NO_RULE_IN_FORCE,
  OFFER_NOT_APPROVED: EligibilityReasonCode.OFFER_NOT_APPROVED,
  SCHOOL_OUTSIDE_REGION: EligibilityReasonCode.SCHOOL_OUTSIDE_REGION,
  ALREADY_REIMBURSED: EligibilityReasonCode.ALREADY_REIMBURSED,
  PARTICIPATION_NOT_ENOUGH: EligibilityReasonCode.PARTICIPATION_NOT_ENOUGH,
  CAP_REACHED: EligibilityReasonCode.CAP_REACHED,
  BUDGET_EXHAUSTED: EligibilityReasonCode.BUDGET_EXHAUSTED,
  NEEDS_REVIEW: EligibilityReasonCode.NEEDS_REVIEW,
};

interface StoredOutcome {
  enrolment_id: string;
  reason: string;
  eligible: boolean;
  amount_cents: string;
  rule_version: number | null;
  region_id: string | null;
}

/**
 * Judges the enrolments again on their current facts and stores each outcome; an outcome that changed (or is new) is
 * published as EligibilityDecided. An enrolment on a claim whose own facts stop counting (cancelled, not completed as
 * the rule asks) is settled by the claims feature first: its commitment released, or a claw-back when it was paid.
 * Amounts that need the ministry's review open a case in the review queue. Runs in the caller's transaction; the
 * number of queries does not grow with the number of enrolments.
 */
export async function redecideEnrolments(manager: EntityManager, enrolmentIds: readonly string[]): Promise<void> {
  let judgements = await loadJudgements(manager, enrolmentIds);
  if (judgements.length === 0) return;

  const stopped = judgements.filter((judgement) => judgement.facts.alreadyClaimed && reasonClaimNoLongerCounts(judgement.rule, judgement.facts) !== null);
  if (stopped.length > 0) {
    for (const judgement of stopped) await stopCountingClaimedEnrolment(manager, judgement.enrolmentId, reasonClaimNoLongerCounts(judgement.rule, judgement.facts)!);
    judgements = await loadJudgements(manager, enrolmentIds);
  }

  const decided = judgements.map((judgement) => ({ judgement, outcome: outcomeOf(judgement) }));
  const previous: StoredOutcome[] = await manager.query(
    `SELECT enrolment_id, reason, eligible, amount_cents, rule_version, region_id FROM eligibility_outcome WHERE enrolment_id = ANY($1::uuid[])`,
    [decided.map(({ judgement }) => judgement.enrolmentId)],
  );
  const before = new Map(previous.map((row) => [row.enrolment_id, row]));
  const changed = decided.filter(({ judgement, outcome }) => hasChanged(before.get(judgement.enrolmentId), judgement, outcome));
  if (changed.length === 0) return;

  const now = new Date();
  await manager.query(
    `INSERT INTO eligibility_outcome (enrolment_id, region_id, school_id, offer_id, reason, eligible, amount_cents, rule_version, enrolled_on, budget_year, decided_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::boolean[], $7::bigint[], $8::int[], $9::date[], $10::int[], $11::timestamptz[])
     ON CONFLICT (enrolment_id) DO UPDATE SET region_id = EXCLUDED.region_id, school_id = EXCLUDED.school_id, offer_id = EXCLUDED.offer_id,
       reason = EXCLUDED.reason, eligible = EXCLUDED.eligible, amount_cents = EXCLUDED.amount_cents, rule_version = EXCLUDED.rule_version,
       enrolled_on = EXCLUDED.enrolled_on, budget_year = EXCLUDED.budget_year, decided_at = EXCLUDED.decided_at`,
    [
      changed.map(({ judgement }) => judgement.enrolmentId),
      changed.map(({ judgement }) => judgement.regionId),
      changed.map(({ judgement }) => judgement.schoolId),
      changed.map(({ judgement }) => judgement.offerId),
      changed.map(({ outcome }) => outcome.reason),
      changed.map(({ outcome }) => outcome.eligible),
      changed.map(({ outcome }) => outcome.amountCents),
      changed.map(({ judgement }) => judgement.rule?.version ?? null),
      changed.map(({ judgement }) => judgement.enrolledOn),
      changed.map(({ judgement }) => judgement.budgetYear),
      changed.map(() => now),
    ],
  );

  const toReview = changed.filter(({ judgement, outcome }) => outcome.reason === 'NEEDS_REVIEW' && judgement.facts.reviewDecision === undefined);
  if (toReview.length > 0) {
    await manager.query(
      `INSERT INTO review_case (enrolment_id, status, region_id, amount_cents, opened_at)
       SELECT id, 'open', region, amount, now() FROM unnest($1::uuid[], $2::text[], $3::bigint[]) AS t(id, region, amount)
       ON CONFLICT (enrolment_id) DO UPDATE SET amount_cents = EXCLUDED.amount_cents, region_id = EXCLUDED.region_id WHERE review_case.status = 'open'`,
      [toReview.map(({ judgement }) => judgement.enrolmentId), toReview.map(({ judgement }) => judgement.regionId), toReview.map(({ outcome }) => outcome.amountCents)],
    );
  }

  await publishManyInTransaction(
    manager,
    ReimbursementEvents.EligibilityDecided,
    changed.map(({ judgement, outcome }) => ({
      key: judgement.enrolmentId,
      payload: {
        enrolmentId: judgement.enrolmentId,
        offerId: judgement.offerId,
        regionId: judgement.regionId ?? '',
        reason: REASON_CODES[outcome.reason],
        eligible: outcome.eligible,
        amountCents: BigInt(outcome.amountCents),
        ruleVersion: judgement.rule?.version ?? 0,
        enrolledOn: judgement.enrolledOn ?? '',
        decidedAt: timestampFromDate(now),
      },
    })),
  );
}

function hasChanged(stored: StoredOutcome | undefined, judgement: Judgement, outcome: EligibilityOutcome): boolean {
  return (
    !stored ||
    stored.reason !== outcome.reason ||
    stored.eligible !== outcome.eligible ||
    Number(stored.amount_cents) !== outcome.amountCents ||
    stored.rule_version !== (judgement.rule?.version ?? null) ||
    stored.region_id !== judgement.regionId
  );
}

/** The enrolments whose outcome may change when something about an offer, a run, a school or a rule changes. */
export async function enrolmentsWhere(manager: EntityManager, condition: 'offer' | 'run' | 'school', id: string): Promise<string[]> {
  const column = { offer: 'offer_id', run: 'run_id', school: 'school_id' }[condition];
  const rows: { enrolment_id: string }[] = await manager.query(`SELECT enrolment_id FROM enrolment_fact WHERE ${column} = $1`, [id]);
  return rows.map((row) => row.enrolment_id);
}

/** A region's enrolments of a budget year not on any claim: their outcome depends on the budget left. */
export async function unclaimedEnrolmentsOf(manager: EntityManager, regionId: string, budgetYear: number): Promise<string[]> {
  const rows: { enrolment_id: string }[] = await manager.query(
    `SELECT o.enrolment_id FROM eligibility_outcome o
      WHERE o.region_id = $1 AND o.budget_year = $2 AND o.reason <> 'ALREADY_REIMBURSED'`,
    [regionId, budgetYear],
  );
  return rows.map((row) => row.enrolment_id);
}
