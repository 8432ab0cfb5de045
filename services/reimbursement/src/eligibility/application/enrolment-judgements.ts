import type { EntityManager } from 'typeorm';
import type { JudgedEnrolment } from '../../claims/domain/claim';
import { availableByYear } from '../../ledger/application/ledger-store';
import { ruleInForce, type CostType } from '../../rules/domain/reimbursement-rule';
import { RuleVersionEntity } from '../../rules/infrastructure/rule-version.entity';
import { ruleOf } from '../../rules/infrastructure/rule-version.mapper';
import type { Cents } from '../../shared/domain/money';
import { calendarYearOf, schoolYearOf } from '../../shared/domain/school-year';
import { decideEligibility, type EligibilityOutcome, type EnrolmentFacts } from '../domain/eligibility';
import { heldValidMarkOn } from '../domain/mark-validity';

/**
 * An enrolment with everything its eligibility is decided on, read in one go for many enrolments: what a claim's lines
 * are checked on (claims/domain/claim.ts), plus where it stands.
 */
export interface Judgement extends JudgedEnrolment {
  readonly enrolmentId: string;
  readonly schoolId: string | null;
  readonly enrolledOn: string | null;
}

interface FactRow {
  enrolment_id: string;
  teacher_id: string;
  offer_id: string;
  school_id: string | null;
  region_id: string | null;
  status: string;
  enrolled_on: string | null;
  started: boolean;
  sessions_attended: number | null;
  session_count: number | null;
  price_cents: string;
  materials_cents: string | null;
  study_leave_cents: string | null;
  substitute_cover_cents: string | null;
  review_status: string | null;
}

/** Claim lines that hold an enrolment (submitted or approved); a line being clawed back no longer counts toward caps. */
export const ACTIVE_LINE = `l.state IN ('submitted', 'approved')`;
const COUNTS_TOWARD_CAPS = `${ACTIVE_LINE} AND l.payment_state NOT IN ('awaiting-claw-back', 'clawed-back')`;

/**
 * Reads the facts of the given enrolments (unknown ids are left out) and the rule version in force on each one's
 * enrolment date, in a fixed number of queries however many there are: a region's claim of thousands of lines is
 * checked in one pass. The caps count what other claim lines of the same teacher already hold.
 */
export async function loadJudgements(manager: EntityManager, enrolmentIds: readonly string[]): Promise<Judgement[]> {
  if (enrolmentIds.length === 0) return [];
  const rows: FactRow[] = await manager.query(
    `SELECT f.enrolment_id, f.teacher_id, f.offer_id, f.school_id, r.region_id, f.status, f.enrolled_on::text AS enrolled_on, f.started,
            f.sessions_attended, kr.session_count, f.price_cents, d.materials_cents, d.study_leave_cents, d.substitute_cover_cents,
            rc.status AS review_status
       FROM enrolment_fact f
       LEFT JOIN school_location sl ON sl.school_id = f.school_id
       LEFT JOIN region r ON r.region_id = sl.region_id AND r.active
       LEFT JOIN known_run kr ON kr.run_id = f.run_id
       LEFT JOIN declared_costs d ON d.enrolment_id = f.enrolment_id
       LEFT JOIN review_case rc ON rc.enrolment_id = f.enrolment_id
      WHERE f.enrolment_id = ANY($1::uuid[])`,
    [[...new Set(enrolmentIds)]],
  );
  if (rows.length === 0) return [];

  const rules = (await manager.find(RuleVersionEntity, { where: { status: 'published' } })).map(ruleOf);
  const marks: { offer_id: string; granted_at: Date | null; valid_until: Date; ended_at: Date | null }[] = await manager.query(
    `SELECT offer_id, granted_at, valid_until, ended_at FROM known_mark WHERE offer_id = ANY($1::uuid[])`,
    [[...new Set(rows.map((row) => row.offer_id))]],
  );
  const claimed = new Set<string>(
    (await manager.query(`SELECT l.enrolment_id FROM claim_line l WHERE l.enrolment_id = ANY($1::uuid[]) AND ${ACTIVE_LINE}`, [rows.map((row) => row.enrolment_id)])).map(
      (row: { enrolment_id: string }) => row.enrolment_id,
    ),
  );
  const held: { enrolment_id: string; teacher_id: string; offer_id: string; enrolled_on: string | null; amount_cents: string }[] = await manager.query(
    `SELECT l.enrolment_id, f.teacher_id, f.offer_id, f.enrolled_on::text AS enrolled_on, l.amount_cents
       FROM claim_line l JOIN enrolment_fact f ON f.enrolment_id = l.enrolment_id
      WHERE f.teacher_id = ANY($1::uuid[]) AND ${COUNTS_TOWARD_CAPS}`,
    [[...new Set(rows.map((row) => row.teacher_id))]],
  );
  const heldByTeacher = new Map<string, typeof held>();
  for (const line of held) {
    const lines = heldByTeacher.get(line.teacher_id);
    if (lines) lines.push(line);
    else heldByTeacher.set(line.teacher_id, [line]);
  }
  const budgets = await budgetsLeft(manager, rows);

  return rows.map((row) => {
    const enrolledOn = row.enrolled_on;
    const schoolYear = enrolledOn ? schoolYearOf(enrolledOn) : null;
    const budgetYear = enrolledOn ? calendarYearOf(enrolledOn) : null;
    const others = (heldByTeacher.get(row.teacher_id) ?? []).filter((line) => line.enrolment_id !== row.enrolment_id);
    const sum = (lines: typeof others): Cents => lines.reduce((total, line) => total + Number(line.amount_cents), 0);
    const facts: EnrolmentFacts = {
      offerHeldValidMarkOnEnrolmentDate: enrolledOn !== null && marks.some((mark) => mark.offer_id === row.offer_id && heldValidMarkOn(markOf(mark), enrolledOn)),
      regionId: row.region_id,
      alreadyClaimed: claimed.has(row.enrolment_id),
      started: row.status !== 'cancelled' && (row.started || row.status === 'completed'),
      completed: row.status === 'completed',
      attendancePercent:
        row.sessions_attended !== null && row.session_count ? Math.min(100, Math.floor((row.sessions_attended * 100) / row.session_count)) : null,
      costs: costsOf(row),
      reimbursedForOfferCents: sum(others.filter((line) => line.offer_id === row.offer_id)),
      reimbursedInSchoolYearCents: sum(others.filter((line) => line.enrolled_on !== null && schoolYearOf(line.enrolled_on) === schoolYear)),
      budgetLeftCents: row.region_id && budgetYear !== null ? (budgets.get(`${row.region_id}/${budgetYear}`) ?? null) : null,
      ...(row.review_status === 'approved' || row.review_status === 'rejected' ? { reviewDecision: row.review_status } : {}),
    };
    return {
      enrolmentId: row.enrolment_id,
      teacherId: row.teacher_id,
      offerId: row.offer_id,
      schoolId: row.school_id,
      regionId: row.region_id,
      enrolledOn,
      budgetYear,
      schoolYear,
      rule: enrolledOn ? ruleInForce(rules, enrolledOn) : null,
      facts,
    };
  });
}

/** The outcome of a judgement: domain/eligibility.ts on the facts read. */
export function outcomeOf(judgement: Judgement): EligibilityOutcome {
  return decideEligibility(judgement.rule, judgement.facts);
}

function markOf(row: { granted_at: Date | null; valid_until: Date; ended_at: Date | null }) {
  return { grantedAt: row.granted_at, validUntil: row.valid_until, endedAt: row.ended_at };
}

function costsOf(row: FactRow): Partial<Record<CostType, Cents>> {
  return {
    tuition: Number(row.price_cents),
    materials: Number(row.materials_cents ?? 0),
    'study-leave': Number(row.study_leave_cents ?? 0),
    'substitute-cover': Number(row.substitute_cover_cents ?? 0),
  };
}

async function budgetsLeft(manager: EntityManager, rows: readonly FactRow[]): Promise<Map<string, Cents | null>> {
  const yearsByRegion = new Map<string, Set<number>>();
  for (const row of rows) {
    if (!row.region_id || !row.enrolled_on) continue;
    const years = yearsByRegion.get(row.region_id) ?? new Set<number>();
    years.add(calendarYearOf(row.enrolled_on));
    yearsByRegion.set(row.region_id, years);
  }
  const budgets = new Map<string, Cents | null>();
  for (const [regionId, years] of yearsByRegion) {
    for (const [year, available] of await availableByYear(manager, regionId, [...years])) budgets.set(`${regionId}/${year}`, available);
  }
  return budgets;
}
