import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '@napl/auth';
import { QualityEvents, type EventContract } from '@napl/contracts';
import { todayInAmsterdam } from '@napl/domain';
import { MessagingRuntime, publishInTransaction } from '@napl/messaging';
import { inTransaction } from '@napl/persistence';
import { decodeCursor, limitOf, pageOf, visibleOrNotFound, type Page, type PageQuery } from '@napl/service-kit';
import { FrameworkService } from '../../framework/application/framework.service';
import type { Criterion } from '../../framework/domain/framework';
import { recordHistory, SYSTEM_ACTOR } from '../../history/application/record-history';
import { MarksService } from '../../marks/application/marks.service';
import { QualityConfig } from '../../quality.config';
import { mayReadProviderCase } from '../../shared/provider-scope';
import { QualityError } from '../../shared/quality-error';
import { refuseDecision, rejectionReasons, type CriterionScore, type ProposedDecision } from '../domain/decision';
import { AssessmentEntity, CriterionScoreEntity } from '../infrastructure/assessment.entities';
import { refuseConflictOfInterest } from './conflict-of-interest';

/** Publishes an event in the caller's transaction (a handler's context.publish, or the outbox directly). */
export type Publish = <C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>) => Promise<unknown>;

export interface CaseToOpen {
  readonly offerId: string;
  readonly offerVersion: number;
  readonly providerId: string;
  readonly offerTitle: string;
  readonly kind: AssessmentEntity['kind'];
}

export interface ScoreInput {
  readonly criterionCode: string;
  readonly met: boolean;
  readonly score?: number | null;
  readonly justification: string;
}

export interface AssessmentDetail {
  readonly assessment: AssessmentEntity;
  readonly criteria: readonly Criterion[];
  readonly scores: readonly CriterionScoreEntity[];
}

const UNDECIDED = ['open', 'awaiting-confirmation'] as const;

/** Assessment cases: opening, scoring, deciding (optionally with four eyes) and announcing the decision. */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QualityConfig) private readonly config: QualityConfig,
    private readonly frameworks: FrameworkService,
    private readonly marks: MarksService,
    private readonly messaging: MessagingRuntime,
  ) {}

  /**
   * Opens a case for an offer version, judged on the current framework. An offer version with an undecided case
   * gets no second one (a repeated submission joins the case it already has).
   */
  async open(manager: EntityManager, toOpen: CaseToOpen, publish: Publish): Promise<AssessmentEntity> {
    const existing = await manager.findOneBy(AssessmentEntity, {
      offerId: toOpen.offerId,
      offerVersion: toOpen.offerVersion,
      status: In([...UNDECIDED]),
    });
    if (existing) return existing;
    const framework = await this.frameworks.current(manager);
    const assessment = manager.create(AssessmentEntity, {
      ...toOpen,
      id: randomUUID(),
      frameworkVersion: framework.version,
      status: 'open',
      openedAt: new Date(),
      proposal: null,
      outcome: null,
      summary: null,
      conditions: [],
      conditionsDeadline: null,
      decidedAt: null,
      markId: null,
    });
    await manager.insert(AssessmentEntity, assessment);
    await publish(QualityEvents.AssessmentOpened, assessment.offerId, {
      assessmentId: assessment.id,
      offerId: assessment.offerId,
      offerVersion: assessment.offerVersion,
      providerId: assessment.providerId,
      frameworkVersion: assessment.frameworkVersion,
      openedAt: timestampFromDate(assessment.openedAt),
      reassessment: assessment.kind === 'reassessment',
    });
    await recordHistory(manager, {
      offerId: assessment.offerId,
      subjectType: 'assessment',
      subjectId: assessment.id,
      action: 'assessment-opened',
      actor: SYSTEM_ACTOR,
      details: { kind: assessment.kind, offerVersion: assessment.offerVersion, frameworkVersion: assessment.frameworkVersion },
    });
    return assessment;
  }

  /** Oldest first, a page at a time (keyset on opened_at, id). */
  async list(filter: { status?: string; providerId?: string; offerId?: string }, paging: PageQuery): Promise<Page<AssessmentEntity>> {
    const limit = limitOf(paging);
    const after = decodeCursor(paging.cursor, ['timestamp', 'uuid']);
    const query = this.dataSource.getRepository(AssessmentEntity).createQueryBuilder('a');
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.providerId) query.andWhere('a.provider_id = :providerId', { providerId: filter.providerId });
    if (filter.offerId) query.andWhere('a.offer_id = :offerId', { offerId: filter.offerId });
    if (after) query.andWhere('(a.opened_at, a.id) > (:openedAt::timestamptz, :id::uuid)', { openedAt: after[0], id: after[1] });
    const rows = await query.orderBy('a.opened_at', 'ASC').addOrderBy('a.id', 'ASC').limit(limit + 1).getMany();
    return pageOf(rows, limit, (assessment) => [assessment.openedAt.toISOString(), assessment.id]);
  }

  /** A case with its framework's criteria and the scores so far; another provider's case answers as a missing one. */
  async detail(assessmentId: string, principal: Principal): Promise<AssessmentDetail> {
    const assessment = visibleOrNotFound(
      await this.dataSource.manager.findOneBy(AssessmentEntity, { id: assessmentId }),
      (found) => mayReadProviderCase(principal, found.providerId),
      notFound,
    );
    const framework = await this.frameworks.byVersion(assessment.frameworkVersion);
    const scores = await this.dataSource.getRepository(CriterionScoreEntity).findBy({ assessmentId });
    return { assessment, criteria: framework.criteria, scores };
  }

  async score(assessmentId: string, inputs: readonly ScoreInput[], principal: Principal): Promise<AssessmentDetail> {
    await inTransaction(this.dataSource, async (manager) => {
      const assessment = await this.lockOpen(manager, assessmentId, principal);
      const framework = await this.frameworks.byVersion(assessment.frameworkVersion, manager);
      const codes = new Set(framework.criteria.map((criterion) => criterion.code));
      const unknown = inputs.filter((input) => !codes.has(input.criterionCode.toUpperCase())).map((input) => input.criterionCode);
      if (unknown.length > 0) {
        throw new QualityError(
          'UNKNOWN_CRITERION',
          'invalid',
          `Onbekend criterium voor kaderversie ${assessment.frameworkVersion}: ${unknown.join(', ')}.`,
          { criteria: unknown },
        );
      }
      const now = new Date();
      for (const input of inputs) {
        const score: CriterionScoreEntity = {
          assessmentId,
          criterionCode: input.criterionCode.toUpperCase(),
          met: input.met,
          score: input.score ?? null,
          justification: input.justification.trim(),
          scoredBy: principal.subject,
          scoredAt: now,
        };
        await manager.upsert(CriterionScoreEntity, score, ['assessmentId', 'criterionCode']);
        await recordHistory(manager, {
          offerId: assessment.offerId,
          subjectType: 'assessment',
          subjectId: assessmentId,
          action: 'criterion-scored',
          actor: principal.subject,
          reason: score.justification,
          details: { criterionCode: score.criterionCode, met: score.met, score: score.score },
          at: now,
        });
      }
    });
    return this.detail(assessmentId, principal);
  }

  /** Takes a decision, or with four eyes proposes it for a second assessor's confirmation. */
  async decide(assessmentId: string, decision: ProposedDecision, principal: Principal): Promise<AssessmentEntity> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      const assessment = await this.lockOpen(manager, assessmentId, principal);
      await this.checkDecision(manager, assessment, decision);
      if (!this.config.QUALITY_FOUR_EYES) return this.apply(manager, assessment, decision, principal.subject);
      assessment.status = 'awaiting-confirmation';
      assessment.proposal = { ...decision, proposedBy: principal.subject, proposedAt: new Date().toISOString() };
      await manager.save(assessment);
      await recordHistory(manager, {
        offerId: assessment.offerId,
        subjectType: 'assessment',
        subjectId: assessment.id,
        action: 'decision-proposed',
        actor: principal.subject,
        reason: decision.summary,
        details: { ...decision },
      });
      return assessment;
    });
    this.messaging.nudgeRelay();
    return result;
  }

  /** The second assessor agrees (the decision takes effect) or sends the case back to scoring, with a reason. */
  async confirm(assessmentId: string, agree: boolean, reason: string | undefined, principal: Principal): Promise<AssessmentEntity> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      const assessment = await this.lock(manager, assessmentId);
      if (assessment.status !== 'awaiting-confirmation' || !assessment.proposal) {
        throw new QualityError('NO_CONFIRMATION_PENDING', 'conflict', 'Bij deze beoordeling wacht geen beslissing op bevestiging.');
      }
      await this.checkConflictOfInterest(manager, assessment, principal);
      if (assessment.proposal.proposedBy === principal.subject) {
        throw new QualityError('SAME_ASSESSOR', 'forbidden', 'Een tweede, andere beoordelaar moet de beslissing bevestigen (vier ogen).');
      }
      const { proposedBy: _by, proposedAt: _at, ...decision } = assessment.proposal;
      if (agree) {
        await this.checkDecision(manager, assessment, decision);
        return this.apply(manager, assessment, decision, principal.subject, assessment.proposal.proposedBy);
      }
      if (!reason?.trim()) throw new QualityError('DECISION_INVALID', 'invalid', 'Geef een reden als u de beslissing niet bevestigt.');
      assessment.status = 'open';
      assessment.proposal = null;
      await manager.save(assessment);
      await recordHistory(manager, {
        offerId: assessment.offerId,
        subjectType: 'assessment',
        subjectId: assessment.id,
        action: 'decision-returned',
        actor: principal.subject,
        reason: reason.trim(),
      });
      return assessment;
    });
    this.messaging.nudgeRelay();
    return result;
  }

  private async apply(
    manager: EntityManager,
    assessment: AssessmentEntity,
    decision: ProposedDecision,
    actor: string,
    proposedBy?: string,
  ): Promise<AssessmentEntity> {
    const decidedAt = new Date();
    assessment.status = decision.outcome;
    assessment.outcome = decision.outcome;
    assessment.summary = decision.summary;
    assessment.conditions = [...decision.conditions];
    assessment.conditionsDeadline = decision.conditionsDeadline;
    assessment.decidedAt = decidedAt;
    assessment.proposal = null;
    const base = {
      assessmentId: assessment.id,
      offerId: assessment.offerId,
      offerVersion: assessment.offerVersion,
      providerId: assessment.providerId,
      decidedAt: timestampFromDate(decidedAt),
    };
    if (decision.outcome === 'rejected') {
      const framework = await this.frameworks.byVersion(assessment.frameworkVersion, manager);
      const scores = await manager.findBy(CriterionScoreEntity, { assessmentId: assessment.id });
      await manager.save(assessment);
      await publishInTransaction(manager, QualityEvents.OfferRejected, assessment.offerId, {
        ...base,
        summary: decision.summary,
        reasons: rejectionReasons(framework.criteria, scores),
      });
      if (assessment.kind === 'reassessment') {
        await this.marks.revokeValidMarksOf(manager, assessment.offerId, assessment.offerVersion, `Herbeoordeling afgewezen: ${decision.summary}`, actor);
      }
    } else {
      const mark = await this.marks.issue(manager, {
        assessmentId: assessment.id,
        offerId: assessment.offerId,
        offerVersion: assessment.offerVersion,
        providerId: assessment.providerId,
        frameworkVersion: assessment.frameworkVersion,
        conditions: decision.conditions,
        conditionsDeadline: decision.conditionsDeadline,
        issuedAt: decidedAt,
        actor,
      });
      assessment.markId = mark.id;
      await manager.save(assessment);
      await publishInTransaction(manager, QualityEvents.OfferApproved, assessment.offerId, {
        ...base,
        markId: mark.id,
        frameworkVersion: assessment.frameworkVersion,
        conditions: [...decision.conditions],
        conditionsDeadline: decision.conditionsDeadline ?? '',
        validUntil: timestampFromDate(mark.validUntil),
      });
    }
    await recordHistory(manager, {
      offerId: assessment.offerId,
      subjectType: 'assessment',
      subjectId: assessment.id,
      action: 'decision-taken',
      actor,
      reason: decision.summary,
      details: { ...decision, ...(proposedBy ? { proposedBy, confirmedBy: actor } : {}), markId: assessment.markId },
      at: decidedAt,
    });
    return assessment;
  }

  private async checkDecision(manager: EntityManager, assessment: AssessmentEntity, decision: ProposedDecision): Promise<void> {
    const framework = await this.frameworks.byVersion(assessment.frameworkVersion, manager);
    const scores: CriterionScore[] = await manager.findBy(CriterionScoreEntity, { assessmentId: assessment.id });
    const refusal = refuseDecision(framework.criteria, scores, decision, todayInAmsterdam());
    if (refusal) {
      const kind = refusal.code === 'DECISION_INVALID' ? 'invalid' : 'unprocessable';
      throw new QualityError(refusal.code, kind, refusal.message, refusal.criteria ? { criteria: refusal.criteria } : undefined);
    }
  }

  private async lockOpen(manager: EntityManager, assessmentId: string, principal: Principal): Promise<AssessmentEntity> {
    const assessment = await this.lock(manager, assessmentId);
    await this.checkConflictOfInterest(manager, assessment, principal);
    if (assessment.status !== 'open') {
      const message =
        assessment.status === 'awaiting-confirmation'
          ? 'Deze beoordeling wacht op bevestiging door een tweede beoordelaar en kan nu niet worden gewijzigd.'
          : 'Over deze beoordeling is al beslist.';
      throw new QualityError('ASSESSMENT_CLOSED', 'conflict', message);
    }
    return assessment;
  }

  private async lock(manager: EntityManager, assessmentId: string): Promise<AssessmentEntity> {
    const assessment = await manager.findOne(AssessmentEntity, { where: { id: assessmentId }, lock: { mode: 'pessimistic_write' } });
    if (!assessment) throw notFound();
    return assessment;
  }

  private checkConflictOfInterest(manager: EntityManager, assessment: AssessmentEntity, principal: Principal): Promise<void> {
    return refuseConflictOfInterest(manager, assessment.providerId, principal);
  }
}

function notFound(): QualityError {
  return new QualityError('ASSESSMENT_NOT_FOUND', 'not-found', 'Deze beoordeling bestaat niet.');
}

