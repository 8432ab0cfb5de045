import { randomUUID } from 'node:crypto';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { Principal } from '@napl/auth';
import { CatalogueEvents, EnrolmentsEvents, QualityEvents, Sector } from '@napl/contracts';
import { daysFromNow, EventFedService, isoDateInDays, type PublishOptions } from '@napl/testing';
import { ReimbursementConfig } from '../../src/reimbursement.config';
import { REIMBURSEMENT_SERVICE } from '../../src/reimbursement.description';
import { ReimbursementModule } from '../../src/reimbursement.module';

/** A rule version as the ministry would publish it (cents, basis points); tests override what they test. */
export interface RuleSpec {
  readonly validFrom: string;
  readonly costTypes?: string[];
  readonly percentageBasisPoints?: number;
  readonly maxPerOfferCents?: number;
  readonly maxPerSchoolYearCents?: number;
  readonly participation?: 'started' | { minimumAttendancePercent: number };
  readonly reviewAboveCents?: number | null;
}

export interface EnrolmentSpec {
  readonly teacherId?: string;
  readonly offerId: string;
  readonly runId: string;
  readonly schoolId: string;
  readonly priceCents?: number;
  /** When the place was confirmed: chooses the rule version and the mark that counts. Now by default. */
  readonly confirmedAt?: Date;
}

/**
 * The reimbursement service against the real Postgres and Kafka, fed as in use: the catalogue's, quality's and
 * enrolments' events on Kafka, consumed by the service's idempotent consumer. Reference data a test only needs as a
 * given (a region, its schools, a budget, a rule version) is written straight into the service's tables; what a test
 * is about goes through the API or the events.
 */
export class ReimbursementHarness extends EventFedService<ReimbursementConfig> {
  static async start(name: string): Promise<ReimbursementHarness> {
    return new ReimbursementHarness(
      await EventFedService.boot({ description: REIMBURSEMENT_SERVICE, configClass: ReimbursementConfig, module: (config, auth) => ReimbursementModule.forRoot(config, auth) }, name),
    );
  }

  async bearer(principal: Principal | 'ministerie-ocw' | 'regio-utrecht-stad'): Promise<string> {
    return `Bearer ${await this.service.tokenFor(principal)}`;
  }

  /** A region user's token for any region. */
  async regionUser(regionId: string): Promise<string> {
    return this.bearer({ subject: `test-regio-${regionId}`, roles: ['region'], regionId });
  }

  async ministry(): Promise<string> {
    return this.bearer('ministerie-ocw');
  }

  // ---- givens, written into the service's tables ----

  /** A region with school locations, e.g. `givenRegion('r1', ['11AA00', '11AA01'])`; a fresh slug by default. */
  async givenRegion(schoolIds: string[], regionId = `regio-${randomUUID().slice(0, 8)}`): Promise<string> {
    await this.db.query(`INSERT INTO region (region_id, name, kind) VALUES ($1, $2, 'area')`, [regionId, `Regio ${regionId}`]);
    for (const schoolId of schoolIds) await this.db.query(`INSERT INTO school_location (school_id, region_id) VALUES ($1, $2)`, [schoolId, regionId]);
    return regionId;
  }

  async givenBudget(regionId: string, year: number, amountCents: number): Promise<void> {
    const tranche = year <= 2028 ? '2025-2028' : '2029-2034';
    await this.db.query(
      `INSERT INTO budget_allocation (region_id, year, amount_cents, tranche_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (region_id, year) DO UPDATE SET amount_cents = EXCLUDED.amount_cents`,
      [regionId, year, amountCents, tranche],
    );
  }

  /** A published rule version; returns its number. */
  async givenRule(spec: RuleSpec): Promise<number> {
    const [{ next }] = await this.db.query(`SELECT COALESCE(MAX(version), 0) + 1 AS next FROM rule_version`);
    const participation = spec.participation ?? { minimumAttendancePercent: 80 };
    await this.db.query(
      `INSERT INTO rule_version (version, status, valid_from, cost_types, percentage_basis_points, max_per_offer_cents, max_per_school_year_cents,
                                 participation_kind, minimum_attendance_percent, review_above_cents, published_at)
       VALUES ($1, 'published', $2, $3, $4, $5, $6, $7, $8, $9, now())`,
      [
        next,
        spec.validFrom,
        spec.costTypes ?? ['tuition'],
        spec.percentageBasisPoints ?? 5_000,
        spec.maxPerOfferCents ?? 100_000,
        spec.maxPerSchoolYearCents ?? 150_000,
        participation === 'started' ? 'started' : 'completed',
        participation === 'started' ? null : participation.minimumAttendancePercent,
        spec.reviewAboveCents ?? null,
      ],
    );
    return Number(next);
  }

  // ---- other services' events ----

  /** Quality approved an offer: a mark granted at `grantedAt` (now), valid for a year unless said otherwise. */
  async approvedOffer(mark: { grantedAt?: Date; validUntil?: Date } = {}): Promise<{ offerId: string; markId: string }> {
    const offerId = randomUUID();
    const markId = randomUUID();
    await this.deliver(QualityEvents.OfferApproved, offerId, {
      assessmentId: randomUUID(),
      offerId,
      offerVersion: 1,
      providerId: randomUUID(),
      markId,
      validUntil: timestampFromDate(mark.validUntil ?? daysFromNow(365)),
      decidedAt: timestampFromDate(mark.grantedAt ?? new Date()),
    });
    return { offerId, markId };
  }

  async scheduledRun(offerId: string, sessionCount = 4): Promise<string> {
    const runId = randomUUID();
    await this.deliver(CatalogueEvents.RunScheduled, runId, {
      run: { runId, offerId, offerVersion: 1, startDate: isoDateInDays(30), endDate: isoDateInDays(90), capacity: 25, online: false, sessionCount },
      revision: 1n,
    });
    return runId;
  }

  snapshot(enrolmentId: string, spec: EnrolmentSpec & { teacherId: string }) {
    return {
      enrolmentId,
      teacherId: spec.teacherId,
      runId: spec.runId,
      offerId: spec.offerId,
      offerVersion: 1,
      providerId: '00000000-0000-4000-8000-0000000000aa',
      sector: Sector.PO,
      regionId: '',
      schoolBrin: spec.schoolId.slice(0, 4),
      schoolId: spec.schoolId,
      priceCents: BigInt(spec.priceCents ?? 120_000),
    };
  }

  /** Enrolments confirmed a place; returns the enrolment id and the teacher id. */
  async confirmed(spec: EnrolmentSpec, options: PublishOptions = {}): Promise<{ enrolmentId: string; teacherId: string }> {
    const enrolmentId = randomUUID();
    const teacherId = spec.teacherId ?? randomUUID();
    await this.deliver(
      EnrolmentsEvents.EnrolmentConfirmed,
      enrolmentId,
      { enrolment: this.snapshot(enrolmentId, { ...spec, teacherId }), confirmedAt: timestampFromDate(spec.confirmedAt ?? new Date()) },
      { ...options, occurredAt: options.occurredAt ?? spec.confirmedAt },
    );
    return { enrolmentId, teacherId };
  }

  async completed(enrolmentId: string, spec: EnrolmentSpec & { teacherId: string }, sessionsAttended = 4): Promise<void> {
    await this.deliver(EnrolmentsEvents.EnrolmentCompleted, enrolmentId, {
      enrolment: this.snapshot(enrolmentId, spec),
      sessionsAttended,
      completedAt: timestampFromDate(new Date()),
    });
  }

  /** A confirmed and completed enrolment of a fresh (or given) teacher. */
  async completedEnrolment(spec: EnrolmentSpec, sessionsAttended = 4): Promise<{ enrolmentId: string; teacherId: string }> {
    const enrolment = await this.confirmed(spec);
    await this.completed(enrolment.enrolmentId, { ...spec, teacherId: enrolment.teacherId }, sessionsAttended);
    return enrolment;
  }



  // ---- claims and statements (helper B) ----

  /**
   * Completed enrolments (all sessions attended, confirmed today unless said otherwise) written straight into the
   * copy as the enrolment events would leave it, each of a fresh teacher: for tests about claims that need hundreds.
   * The offer's mark and the run must be known (approvedOffer, scheduledRun).
   */
  async givenCompletedEnrolments(count: number, spec: EnrolmentSpec & { enrolledOn?: string }): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await this.db.query(
      `INSERT INTO enrolment_fact (enrolment_id, teacher_id, offer_id, run_id, provider_id, school_id, sector, price_cents, status, enrolled_on, started, sessions_attended)
       SELECT id, gen_random_uuid(), $2, $3, '00000000-0000-4000-8000-0000000000aa', $4, 'po', $5, 'completed', $6::date, true, 4 FROM unnest($1::uuid[]) AS t(id)`,
      [ids, spec.offerId, spec.runId, spec.schoolId, spec.priceCents ?? 120_000, spec.enrolledOn ?? isoDateInDays(0)],
    );
    return ids;
  }

  /** Enrolments recorded the start of a participation (the first session took place). */
  async participationStarted(enrolmentId: string, spec: EnrolmentSpec & { teacherId: string }): Promise<void> {
    await this.deliver(EnrolmentsEvents.ParticipationStarted, enrolmentId, {
      teacherId: spec.teacherId,
      enrolmentId,
      runId: spec.runId,
      offerId: spec.offerId,
      sector: Sector.PO,
      regionId: '',
      firstParticipation: true,
      startedOn: isoDateInDays(0),
    });
  }

  /** Enrolments cancelled an enrolment (by the teacher). */
  async cancelled(enrolmentId: string, spec: EnrolmentSpec & { teacherId: string }): Promise<void> {
    await this.deliver(EnrolmentsEvents.EnrolmentCancelled, enrolmentId, {
      enrolment: this.snapshot(enrolmentId, spec),
      cause: 1,
      heldPlace: true,
      cancelledAt: timestampFromDate(new Date()),
    });
  }

  /** The ledger's entries of a region and year, by kind: sums in cents. */
  async ledgerSums(regionId: string, year: number): Promise<Record<string, number>> {
    const rows: { kind: string; total: string }[] = await this.db.query(
      `SELECT kind, SUM(amount_cents) AS total FROM ledger_entry WHERE region_id = $1 AND budget_year = $2 GROUP BY kind`,
      [regionId, year],
    );
    return Object.fromEntries(rows.map((row) => [row.kind, Number(row.total)]));
  }
}
