import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@napl/auth';
import { QualityEvents } from '@napl/contracts';
import { MessagingRuntime, publishInTransaction } from '@napl/messaging';
import { refuseConflictOfInterest } from '../../assessments/application/conflict-of-interest';
import { todayInAmsterdam } from '@napl/domain';
import { inTransaction } from '@napl/persistence';
import { decodeCursor, limitOf, pageOf, visibleOrNotFound, type Page, type PageQuery } from '@napl/service-kit';
import { recordHistory, SYSTEM_ACTOR } from '../../history/application/record-history';
import { QualityConfig } from '../../quality.config';
import { mayReadProviderCase } from '../../shared/provider-scope';
import { QualityError } from '../../shared/quality-error';
import { validUntil } from '../domain/mark-validity';
import { QualityMarkEntity } from '../infrastructure/quality-mark.entity';

export const CONDITIONS_LAPSED_REASON = 'De voorwaarden van het keurmerk zijn niet op tijd vervuld.';

// SQL on a quality_mark row. Conditions are open until an assessor declares them met; they lapse at the start of
// the day after the deadline in Dutch time, whatever the database's time zone.
const CONDITIONS_OPEN = 'conditions_deadline IS NOT NULL AND conditions_fulfilled_at IS NULL';
const CONDITIONS_LAPSE_AT = "((conditions_deadline + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')";

export interface MarkToIssue {
  readonly assessmentId: string;
  readonly offerId: string;
  readonly offerVersion: number;
  readonly providerId: string;
  readonly frameworkVersion: number;
  readonly conditions: readonly string[];
  readonly conditionsDeadline: string | null;
  readonly issuedAt: Date;
  readonly actor: string;
}

/** Issues, revokes and expires quality marks, and tracks their conditions; every change goes to the history. */
@Injectable()
export class MarksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QualityConfig) private readonly config: QualityConfig,
    private readonly messaging: MessagingRuntime,
  ) {}

  /** In the approval's transaction: a new mark for the offer version; the offer's earlier marks are superseded. */
  async issue(manager: EntityManager, mark: MarkToIssue): Promise<QualityMarkEntity> {
    const superseded: { id: string }[] = await manager
      .createQueryBuilder()
      .update(QualityMarkEntity)
      .set({ status: 'superseded', endedAt: mark.issuedAt, endReason: 'Vervangen door een nieuw keurmerk.' })
      .where('offer_id = :offerId AND status = :valid', { offerId: mark.offerId, valid: 'valid' })
      .returning(['id'])
      .execute()
      .then((result) => result.raw);
    for (const { id } of superseded) {
      await recordHistory(manager, { offerId: mark.offerId, subjectType: 'mark', subjectId: id, action: 'mark-superseded', actor: mark.actor });
    }
    const entity = manager.create(QualityMarkEntity, {
      id: randomUUID(),
      assessmentId: mark.assessmentId,
      offerId: mark.offerId,
      offerVersion: mark.offerVersion,
      providerId: mark.providerId,
      frameworkVersion: mark.frameworkVersion,
      status: 'valid',
      conditions: [...mark.conditions],
      conditionsDeadline: mark.conditionsDeadline,
      conditionsFulfilledAt: null,
      issuedAt: mark.issuedAt,
      validUntil: validUntil(mark.issuedAt, this.config.QUALITY_MARK_VALIDITY_MONTHS),
      endedAt: null,
      endReason: null,
    });
    await manager.insert(QualityMarkEntity, entity);
    await recordHistory(manager, {
      offerId: mark.offerId,
      subjectType: 'mark',
      subjectId: entity.id,
      action: 'mark-issued',
      actor: mark.actor,
      details: { offerVersion: mark.offerVersion, frameworkVersion: mark.frameworkVersion, validUntil: entity.validUntil.toISOString() },
    });
    return entity;
  }

  async revoke(markId: string, reason: string, actor: string): Promise<QualityMarkEntity> {
    const mark = await inTransaction(this.dataSource, (manager) => this.end(manager, markId, reason, actor));
    if (!mark) {
      const existing = await this.get(markId);
      throw new QualityError('MARK_NOT_VALID', 'conflict', `Dit keurmerk is niet (meer) geldig (status: ${existing.status}).`);
    }
    this.messaging.nudgeRelay();
    return mark;
  }

  /** Ends the valid marks of an offer version (a re-assessment that ended in rejection), in the caller's transaction. */
  async revokeValidMarksOf(manager: EntityManager, offerId: string, offerVersion: number, reason: string, actor: string): Promise<void> {
    const marks = await manager.findBy(QualityMarkEntity, { offerId, offerVersion, status: 'valid' });
    for (const mark of marks) await this.end(manager, mark.id, reason, actor);
  }

  /**
   * Marks past their end become expired and are announced, each exactly once: the conditional UPDATE with
   * SKIP LOCKED lets any number of instances run this at the same time without two taking the same mark.
   */
  async expireDueMarks(asOf: Date = new Date()): Promise<number> {
    const table = this.dataSource.getMetadata(QualityMarkEntity).tablePath;
    const expired = await inTransaction(this.dataSource, async (manager) => {
      // A mark whose open conditions lapsed before its end is left to revokeLapsedConditions: that came first.
      const rows: { id: string; offer_id: string; offer_version: number; provider_id: string; valid_until: Date }[] = await manager.query(
        `UPDATE ${table} SET status = 'expired', ended_at = valid_until, end_reason = 'Geldigheidstermijn verstreken.'
         WHERE id IN (SELECT id FROM ${table} WHERE status = 'valid' AND valid_until <= $1
                        AND NOT (${CONDITIONS_OPEN} AND ${CONDITIONS_LAPSE_AT} < valid_until)
                      ORDER BY valid_until LIMIT 500 FOR UPDATE SKIP LOCKED)
         RETURNING id, offer_id, offer_version, provider_id, valid_until`,
        [asOf],
      ).then(([result]) => result);
      for (const row of rows) {
        await publishInTransaction(manager, QualityEvents.MarkExpired, row.offer_id, {
          markId: row.id,
          offerId: row.offer_id,
          offerVersion: row.offer_version,
          providerId: row.provider_id,
          expiredAt: timestampFromDate(new Date(row.valid_until)),
        });
        await recordHistory(manager, { offerId: row.offer_id, subjectType: 'mark', subjectId: row.id, action: 'mark-expired', actor: SYSTEM_ACTOR });
      }
      return rows.length;
    });
    if (expired > 0) this.messaging.nudgeRelay();
    return expired;
  }

  /**
   * Valid marks whose conditions were not declared met by the end of the deadline day (Europe/Amsterdam) are
   * revoked and announced, each exactly once, with the same conditional UPDATE and SKIP LOCKED as expiry.
   */
  async revokeLapsedConditions(asOf: Date = new Date()): Promise<number> {
    const table = this.dataSource.getMetadata(QualityMarkEntity).tablePath;
    const revoked = await inTransaction(this.dataSource, async (manager) => {
      // Comparing dates (not instants) lets the partial index on the deadline serve the search.
      const rows: { id: string; offer_id: string; offer_version: number; provider_id: string; ended_at: Date; conditions_deadline: string }[] =
        await manager.query(
        `UPDATE ${table} SET status = 'revoked', ended_at = ${CONDITIONS_LAPSE_AT}, end_reason = $2
         WHERE id IN (SELECT id FROM ${table} WHERE status = 'valid' AND ${CONDITIONS_OPEN} AND conditions_deadline < $1::date
                        AND ${CONDITIONS_LAPSE_AT} < valid_until
                      ORDER BY conditions_deadline LIMIT 500 FOR UPDATE SKIP LOCKED)
         RETURNING id, offer_id, offer_version, provider_id, ended_at, conditions_deadline::text AS conditions_deadline`,
        [todayInAmsterdam(asOf), CONDITIONS_LAPSED_REASON],
      ).then(([result]) => result);
      for (const row of rows) {
        const endedAt = new Date(row.ended_at);
        await publishInTransaction(manager, QualityEvents.MarkRevoked, row.offer_id, {
          markId: row.id,
          offerId: row.offer_id,
          offerVersion: row.offer_version,
          providerId: row.provider_id,
          reason: CONDITIONS_LAPSED_REASON,
          revokedAt: timestampFromDate(endedAt),
        });
        await recordHistory(manager, {
          offerId: row.offer_id,
          subjectType: 'mark',
          subjectId: row.id,
          action: 'mark-revoked',
          actor: SYSTEM_ACTOR,
          reason: CONDITIONS_LAPSED_REASON,
          details: { cause: 'conditions-deadline-passed', conditionsDeadline: row.conditions_deadline },
        });
      }
      return rows.length;
    });
    if (revoked > 0) this.messaging.nudgeRelay();
    return revoked;
  }

  /**
   * An assessor declares a mark's conditions met, with a justification. The row lock makes this and the
   * scheduler's revocation exclusive: whichever comes second sees the other's outcome.
   */
  async fulfilConditions(markId: string, justification: string, principal: Principal): Promise<QualityMarkEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const mark = await manager.findOne(QualityMarkEntity, { where: { id: markId }, lock: { mode: 'pessimistic_write' } });
      if (!mark) throw markNotFound();
      await refuseConflictOfInterest(manager, mark.providerId, principal);
      if (mark.status !== 'valid') {
        throw new QualityError('MARK_NOT_VALID', 'conflict', `Dit keurmerk is niet (meer) geldig (status: ${mark.status}).`);
      }
      if (!mark.conditionsDeadline || mark.conditions.length === 0) {
        throw new QualityError('NO_OPEN_CONDITIONS', 'conflict', 'Aan dit keurmerk zijn geen voorwaarden verbonden.');
      }
      if (mark.conditionsFulfilledAt) {
        throw new QualityError('NO_OPEN_CONDITIONS', 'conflict', 'De voorwaarden van dit keurmerk zijn al als vervuld vastgelegd.');
      }
      const now = new Date();
      // Past the deadline day the mark has lapsed, even if the scheduler has not run yet.
      if (mark.conditionsDeadline < todayInAmsterdam(now)) {
        throw new QualityError('MARK_NOT_VALID', 'conflict', `De termijn voor de voorwaarden is verstreken (${mark.conditionsDeadline}); het keurmerk vervalt.`);
      }
      mark.conditionsFulfilledAt = now;
      await manager.update(QualityMarkEntity, { id: mark.id }, { conditionsFulfilledAt: now });
      await recordHistory(manager, {
        offerId: mark.offerId,
        subjectType: 'mark',
        subjectId: mark.id,
        action: 'mark-conditions-fulfilled',
        actor: principal.subject,
        reason: justification,
        details: { conditions: mark.conditions, conditionsDeadline: mark.conditionsDeadline },
        at: now,
      });
      return mark;
    });
  }

  /** A mark is public; with a principal, only when it may see the mark's conditions (else the 404 of a missing one). */
  async get(markId: string, conditionsFor?: Principal): Promise<QualityMarkEntity> {
    const visible = (mark: QualityMarkEntity): boolean => !conditionsFor || mayReadProviderCase(conditionsFor, mark.providerId);
    return visibleOrNotFound(await this.dataSource.getRepository(QualityMarkEntity).findOneBy({ id: markId }), visible, markNotFound);
  }

  /** Newest first, a page at a time (keyset on issued_at, id). */
  async list(filter: { offerId?: string; providerId?: string; status?: string }, paging: PageQuery): Promise<Page<QualityMarkEntity>> {
    const limit = limitOf(paging);
    const after = decodeCursor(paging.cursor, ['timestamp', 'uuid']);
    const query = this.dataSource.getRepository(QualityMarkEntity).createQueryBuilder('mark');
    if (filter.offerId) query.andWhere('mark.offer_id = :offerId', { offerId: filter.offerId });
    if (filter.providerId) query.andWhere('mark.provider_id = :providerId', { providerId: filter.providerId });
    if (filter.status) query.andWhere('mark.status = :status', { status: filter.status });
    if (after) query.andWhere('(mark.issued_at, mark.id) < (:issuedAt::timestamptz, :id::uuid)', { issuedAt: after[0], id: after[1] });
    const rows = await query.orderBy('mark.issued_at', 'DESC').addOrderBy('mark.id', 'DESC').limit(limit + 1).getMany();
    return pageOf(rows, limit, (mark) => [mark.issuedAt.toISOString(), mark.id]);
  }

  /** Revokes one valid mark; undefined when it was not valid (anymore). */
  private async end(manager: EntityManager, markId: string, reason: string, actor: string): Promise<QualityMarkEntity | undefined> {
    const now = new Date();
    const updated: QualityMarkEntity[] = await manager
      .createQueryBuilder()
      .update(QualityMarkEntity)
      .set({ status: 'revoked', endedAt: now, endReason: reason })
      .where('id = :markId AND status = :valid', { markId, valid: 'valid' })
      .returning('*')
      .execute()
      .then((result) => result.raw);
    if (updated.length === 0) return undefined;
    const mark = await manager.findOneByOrFail(QualityMarkEntity, { id: markId });
    await publishInTransaction(manager, QualityEvents.MarkRevoked, mark.offerId, {
      markId: mark.id,
      offerId: mark.offerId,
      offerVersion: mark.offerVersion,
      providerId: mark.providerId,
      reason,
      revokedAt: timestampFromDate(now),
    });
    await recordHistory(manager, { offerId: mark.offerId, subjectType: 'mark', subjectId: mark.id, action: 'mark-revoked', actor, reason, at: now });
    return mark;
  }
}

function markNotFound(): QualityError {
  return new QualityError('MARK_NOT_FOUND', 'not-found', 'Dit keurmerk bestaat niet.');
}
