import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource, type EntityManager } from 'typeorm';
import { QualityEvents } from '@napl/contracts';
import { MessagingRuntime, publishInTransaction } from '@napl/messaging';
import { recordHistory, SYSTEM_ACTOR } from '../../history/application/record-history';
import { QualityConfig } from '../../quality.config';
import { QualityError } from '../../shared/quality-error';
import { validUntil } from '../domain/mark-validity';
import { QualityMarkEntity } from '../infrastructure/quality-mark.entity';

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

/** Issues, revokes and expires quality marks; every change goes to the history. */
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
    const mark = await this.dataSource.transaction((manager) => this.end(manager, markId, reason, actor));
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
    const expired = await this.dataSource.transaction(async (manager) => {
      const rows: { id: string; offer_id: string; offer_version: number; provider_id: string; valid_until: Date }[] = await manager.query(
        `UPDATE ${table} SET status = 'expired', ended_at = valid_until, end_reason = 'Geldigheidstermijn verstreken.'
         WHERE id IN (SELECT id FROM ${table} WHERE status = 'valid' AND valid_until <= $1
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

  async get(markId: string): Promise<QualityMarkEntity> {
    const mark = await this.dataSource.getRepository(QualityMarkEntity).findOneBy({ id: markId });
    if (!mark) throw new QualityError('MARK_NOT_FOUND', 'not-found', 'Dit keurmerk bestaat niet.');
    return mark;
  }

  async list(filter: { offerId?: string; providerId?: string; status?: string }): Promise<QualityMarkEntity[]> {
    const where: Record<string, string> = {};
    if (filter.offerId) where.offerId = filter.offerId;
    if (filter.providerId) where.providerId = filter.providerId;
    if (filter.status) where.status = filter.status;
    return this.dataSource.getRepository(QualityMarkEntity).find({ where, order: { issuedAt: 'DESC' }, take: 500 });
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
