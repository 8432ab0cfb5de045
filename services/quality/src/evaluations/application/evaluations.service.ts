import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@napl/auth';
import { QualityEvents } from '@napl/contracts';
import { MessagingRuntime, publishInTransaction } from '@napl/messaging';
import { inTransaction } from '@napl/persistence';
import { decodeCursor, limitOf, pageOf, visibleOrNotFound, type Page, type PageQuery } from '@napl/service-kit';
import { AssessmentsService } from '../../assessments/application/assessments.service';
import { AssessmentEntity } from '../../assessments/infrastructure/assessment.entities';
import { recordHistory, SYSTEM_ACTOR } from '../../history/application/record-history';
import { QualityMarkEntity } from '../../marks/infrastructure/quality-mark.entity';
import { QualityConfig } from '../../quality.config';
import { mayReadProviderCase } from '../../shared/provider-scope';
import { QualityError } from '../../shared/quality-error';
import { averages, reassessmentDue, type EvaluationAverages, type EvaluationTotals } from '../domain/evaluation-rules';
import { EvaluationEntity, EvaluationInvitationEntity, OfferEvaluationStateEntity } from '../infrastructure/evaluation.entities';

export interface EvaluationAnswers {
  readonly enrolmentId: string;
  readonly relevance: number;
  readonly teachingEffect: number;
  readonly trainerQuality: number;
  readonly wouldRecommend: number;
  readonly comment?: string;
}

export interface EvaluationSummary extends EvaluationAverages {
  readonly offerId: string;
  readonly providerId: string;
  /** Newest first, a page at a time: `?limit=&cursor=` page through them. */
  readonly comments: Page<{ text: string; submittedAt: Date }>;
  readonly reassessmentRequiredAt: Date | null;
}

const EPOCH = new Date(0);

/** Teachers' evaluations of completed offers, their aggregates, and the re-assessment signal. */
@Injectable()
export class EvaluationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QualityConfig) private readonly config: QualityConfig,
    private readonly assessments: AssessmentsService,
    private readonly messaging: MessagingRuntime,
  ) {}

  /** The enrolments of a teacher that still await an evaluation. */
  async open(principal: Principal): Promise<EvaluationInvitationEntity[]> {
    const teacherId = requireTeacher(principal);
    return this.dataSource
      .getRepository(EvaluationInvitationEntity)
      .createQueryBuilder('invitation')
      .where('invitation.teacher_id = :teacherId', { teacherId })
      .andWhere(`NOT EXISTS (SELECT 1 FROM ${this.dataSource.getMetadata(EvaluationEntity).tablePath} e WHERE e.enrolment_id = invitation.enrolment_id)`)
      .orderBy('invitation.completed_at', 'ASC')
      .getMany();
  }

  async submit(answers: EvaluationAnswers, principal: Principal): Promise<EvaluationEntity> {
    const teacherId = requireTeacher(principal);
    const saved = await inTransaction(this.dataSource, async (manager) => {
      const invitation = await manager.findOneBy(EvaluationInvitationEntity, { enrolmentId: answers.enrolmentId });
      // Another teacher's enrolment looks the same as an unknown one: nothing to learn from the answer.
      if (!invitation || invitation.teacherId !== teacherId) {
        throw new QualityError('NOT_EVALUABLE', 'not-found', 'Er is geen afgeronde inschrijving van u met dit id om te evalueren.');
      }
      if (await manager.existsBy(EvaluationEntity, { enrolmentId: answers.enrolmentId })) {
        throw new QualityError('ALREADY_EVALUATED', 'conflict', 'U heeft deze inschrijving al geëvalueerd; dat kan één keer.');
      }
      const evaluation = manager.create(EvaluationEntity, {
        enrolmentId: invitation.enrolmentId,
        teacherId,
        offerId: invitation.offerId,
        offerVersion: invitation.offerVersion,
        providerId: invitation.providerId,
        relevance: answers.relevance,
        teachingEffect: answers.teachingEffect,
        trainerQuality: answers.trainerQuality,
        wouldRecommend: answers.wouldRecommend,
        comment: answers.comment?.trim() ?? '',
        submittedAt: new Date(),
      });
      await manager.insert(EvaluationEntity, evaluation);
      await this.checkThreshold(manager, evaluation);
      return evaluation;
    });
    this.messaging.nudgeRelay();
    return saved;
  }

  /** Aggregates of one offer, for its provider, assessors and the ministry. */
  async summary(offerId: string, principal: Principal, paging: PageQuery = {}): Promise<EvaluationSummary> {
    // Another provider's offer answers as an unknown one: nothing to learn from the answer.
    const providerId = visibleOrNotFound(
      await this.providerOf(offerId),
      (provider) => mayReadProviderCase(principal, provider),
      () => new QualityError('OFFER_NOT_FOUND', 'not-found', 'Van dit aanbod zijn geen evaluaties of beoordelingen bekend.'),
    );
    const totals = await this.totals(this.dataSource.manager, offerId, EPOCH);
    const limit = limitOf(paging);
    const after = decodeCursor(paging.cursor, ['timestamp', 'uuid']);
    const query = this.dataSource
      .getRepository(EvaluationEntity)
      .createQueryBuilder('e')
      .select(['e.enrolmentId', 'e.comment', 'e.submittedAt'])
      .where(`e.offer_id = :offerId AND e.comment <> ''`, { offerId });
    if (after) query.andWhere('(e.submitted_at, e.enrolment_id) < (:submittedAt::timestamptz, :id::uuid)', { submittedAt: after[0], id: after[1] });
    const rows = await query.orderBy('e.submitted_at', 'DESC').addOrderBy('e.enrolment_id', 'DESC').limit(limit + 1).getMany();
    const state = await this.dataSource.getRepository(OfferEvaluationStateEntity).findOneBy({ offerId });
    return {
      offerId,
      providerId,
      ...averages(totals),
      comments: pageOf(rows, limit, (row) => [row.submittedAt.toISOString(), row.enrolmentId], (row) => ({ text: row.comment, submittedAt: row.submittedAt })),
      reassessmentRequiredAt: state?.reassessmentRequiredAt ?? null,
    };
  }

  /**
   * A teacher's personal data was erased (TeacherErased): the comments they wrote go. Their scores stay, as
   * anonymous numbers behind the aggregates, tied only to the pseudonymous id.
   */
  async eraseTeacher(manager: EntityManager, teacherId: string): Promise<number> {
    const result = await manager.update(EvaluationEntity, { teacherId }, { comment: '' });
    return result.affected ?? 0;
  }

  /**
   * After each response: announce a re-assessment once when the average since the last assessment is below the
   * threshold. A decision on the offer after the announcement re-arms the signal and restarts the count.
   */
  private async checkThreshold(manager: EntityManager, evaluation: EvaluationEntity): Promise<void> {
    const stateTable = manager.connection.getMetadata(OfferEvaluationStateEntity).tablePath;
    await manager.query(`INSERT INTO ${stateTable} (offer_id, counted_from) VALUES ($1, $2) ON CONFLICT (offer_id) DO NOTHING`, [
      evaluation.offerId,
      EPOCH,
    ]);
    const state = await manager.findOneOrFail(OfferEvaluationStateEntity, {
      where: { offerId: evaluation.offerId },
      lock: { mode: 'pessimistic_write' },
    });
    if (state.reassessmentRequiredAt) {
      const decidedSince = await manager
        .createQueryBuilder(AssessmentEntity, 'a')
        .select('MAX(a.decided_at)', 'decidedAt')
        .where('a.offer_id = :offerId AND a.decided_at > :since', { offerId: evaluation.offerId, since: state.reassessmentRequiredAt })
        .getRawOne<{ decidedAt: Date | null }>();
      if (!decidedSince?.decidedAt) return; // Announced, and not yet re-assessed.
      state.countedFrom = new Date(decidedSince.decidedAt);
      state.reassessmentRequiredAt = null;
    }
    const current = averages(await this.totals(manager, evaluation.offerId, state.countedFrom));
    const rule = { minResponses: this.config.QUALITY_EVALUATION_MIN_RESPONSES, threshold: this.config.QUALITY_EVALUATION_THRESHOLD };
    if (reassessmentDue(current, rule, false)) {
      const now = new Date();
      state.reassessmentRequiredAt = now;
      await this.requireReassessment(manager, evaluation, current, now);
    }
    await manager.save(state);
  }

  private async requireReassessment(manager: EntityManager, evaluation: EvaluationEntity, current: EvaluationAverages, now: Date): Promise<void> {
    // The version to re-assess is the one holding the current mark; without one, the version evaluated last.
    const mark = await manager.findOne(QualityMarkEntity, { where: { offerId: evaluation.offerId, status: 'valid' }, order: { issuedAt: 'DESC' } });
    const offerVersion = mark?.offerVersion ?? evaluation.offerVersion;
    const reason = `Gemiddelde evaluatiescore ${(current.overall! / 100).toFixed(2).replace('.', ',')} over ${current.responseCount} reacties ligt onder de drempel van ${String(this.config.QUALITY_EVALUATION_THRESHOLD).replace('.', ',')}.`;
    await publishInTransaction(manager, QualityEvents.ReassessmentRequired, evaluation.offerId, {
      offerId: evaluation.offerId,
      offerVersion,
      providerId: evaluation.providerId ?? '',
      averageScoreHundredths: current.overall!,
      responseCount: current.responseCount,
      reason,
      requiredAt: timestampFromDate(now),
    });
    await recordHistory(manager, {
      offerId: evaluation.offerId,
      subjectType: 'offer',
      subjectId: evaluation.offerId,
      action: 'reassessment-required',
      actor: SYSTEM_ACTOR,
      reason,
      details: { offerVersion, averageScoreHundredths: current.overall, responseCount: current.responseCount },
      at: now,
    });
    const latest = await manager.findOne(AssessmentEntity, { where: { offerId: evaluation.offerId }, order: { openedAt: 'DESC' } });
    const providerId = evaluation.providerId ?? latest?.providerId;
    if (!providerId) return; // Without a known provider there is no case to open; the event still went out.
    await this.assessments.open(
      manager,
      { offerId: evaluation.offerId, offerVersion, providerId, offerTitle: latest?.offerTitle ?? '', kind: 'reassessment' },
      (contract, key, payload) => publishInTransaction(manager, contract, key, payload),
    );
  }

  private async totals(manager: EntityManager, offerId: string, since: Date): Promise<EvaluationTotals> {
    const row = await manager
      .createQueryBuilder(EvaluationEntity, 'e')
      .select('COUNT(*)', 'count')
      .addSelect('COALESCE(SUM(e.relevance), 0)', 'relevance')
      .addSelect('COALESCE(SUM(e.teaching_effect), 0)', 'teachingEffect')
      .addSelect('COALESCE(SUM(e.trainer_quality), 0)', 'trainerQuality')
      .addSelect('COALESCE(SUM(e.would_recommend), 0)', 'wouldRecommend')
      .where('e.offer_id = :offerId AND e.submitted_at > :since', { offerId, since })
      .getRawOne<Record<string, string>>();
    return {
      responseCount: Number(row?.count ?? 0),
      sums: {
        relevance: Number(row?.relevance ?? 0),
        teachingEffect: Number(row?.teachingEffect ?? 0),
        trainerQuality: Number(row?.trainerQuality ?? 0),
        wouldRecommend: Number(row?.wouldRecommend ?? 0),
      },
    };
  }

  private async providerOf(offerId: string): Promise<string | undefined> {
    const invitation = await this.dataSource.getRepository(EvaluationInvitationEntity).findOne({ where: { offerId }, select: { providerId: true } });
    if (invitation?.providerId) return invitation.providerId;
    const assessment = await this.dataSource.getRepository(AssessmentEntity).findOne({ where: { offerId }, select: { providerId: true } });
    return assessment?.providerId;
  }
}

function requireTeacher(principal: Principal): string {
  if (!principal.teacherId) throw new QualityError('OUT_OF_SCOPE', 'forbidden', 'Alleen een docent met een docent-id kan evalueren.');
  return principal.teacherId;
}
