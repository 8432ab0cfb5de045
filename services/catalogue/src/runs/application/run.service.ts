import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@napl/auth';
import { CatalogueEvents, type RunSnapshotSchema } from '@napl/contracts';
import { amsterdamDate, placesLeft, runEnrolment, type RunEnrolment } from '@napl/domain';
import { MessagingRuntime, publishInTransaction } from '@napl/messaging';
import { inTransaction } from '@napl/persistence';
import { visibleOrNotFound } from '@napl/service-kit';
import { assertTakesRuns } from '../../offers/domain/offer-lifecycle';
import { OfferVersionEntity } from '../../offers/infrastructure/offer-version.entity';
import { OfferEntity } from '../../offers/infrastructure/offer.entity';
import { CatalogueError } from '../../shared/catalogue.error';
import type { Page } from '../../shared/pagination';
import { mayManage, mayReadOffer } from '../../shared/principal-scope';
import { nextRevision } from '../../shared/revision';
import {
  assertCapacityCoversEnrolled,
  assertNotEnded,
  assertPlanNotInPast,
  effectivePriceCents,
  mergeRunPlan,
  runProblems,
  type RunPlan,
  type RunPlanPatch,
  type Session,
} from '../domain/run-rules';
import { RunEntity } from '../infrastructure/run.entity';

export interface RunView {
  runId: string;
  offerId: string;
  offerVersion: number;
  providerId: string;
  startDate: string;
  endDate: string;
  sessions: Session[];
  online: boolean;
  location: string | null;
  capacity: number;
  /** Places left as far as the catalogue has heard from the enrolments service (its events): 0 when full. */
  placesLeft: number;
  /** What enrolling does now (runEnrolment in @napl/domain). */
  enrolment: RunEnrolment;
  enrolmentDeadline: string | null;
  /** Null: the offer's price applies. */
  priceCents: number | null;
  status: RunEntity['status'];
  cancelReason: string | null;
  updatedAt: string;
}

const notFound = (): CatalogueError => new CatalogueError('RUN_NOT_FOUND', 'not-found', 'Deze uitvoering bestaat niet.');
const offerNotFound = (): CatalogueError => new CatalogueError('OFFER_NOT_FOUND', 'not-found', 'Dit aanbod bestaat niet.');

@Injectable()
export class RunService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: MessagingRuntime,
  ) {}

  async schedule(principal: Principal, offerId: string, plan: RunPlan): Promise<RunView> {
    assertPlan(plan);
    assertPlanNotInPast(plan, amsterdamDate(new Date()));
    const run = await inTransaction(this.dataSource, async (manager) => {
      const offer = visibleOrNotFound(
        await manager.findOne(OfferEntity, { where: { id: offerId }, lock: { mode: 'pessimistic_write' } }),
        (found) => mayReadOffer(principal, found),
        offerNotFound,
      );
      assertOwner(principal, offer.providerId);
      assertTakesRuns(offer);
      const now = new Date();
      const entity = manager.create(RunEntity, {
        ...plan,
        id: randomUUID(),
        offerId,
        offerVersion: offer.publishedVersion!,
        providerId: offer.providerId,
        status: 'scheduled',
        cancelReason: null,
        placesTaken: 0,
        createdAt: now,
        updatedAt: now,
        revision: 0,
      });
      await manager.insert(RunEntity, entity);
      await publishInTransaction(manager, CatalogueEvents.RunScheduled, entity.id, {
        run: await snapshot(manager, entity),
        revision: await nextRevision(manager, RunEntity, entity),
      });
      return entity;
    });
    this.messaging.nudgeRelay();
    // Runs are scheduled only on a published offer.
    return runView(run, true);
  }

  /** Replaces the whole plan (PUT). */
  async change(principal: Principal, runId: string, plan: RunPlan): Promise<RunView> {
    assertPlan(plan);
    return this.command(principal, runId, (manager, run, today) => applyPlan(manager, run, plan, today));
  }

  /** Changes only the fields sent (PATCH, JSON merge patch); the merged plan is checked as a whole plan is. */
  async patch(principal: Principal, runId: string, patch: RunPlanPatch): Promise<RunView> {
    return this.command(principal, runId, (manager, run, today) => {
      const plan = mergeRunPlan(planOf(run), patch);
      assertPlan(plan);
      return applyPlan(manager, run, plan, today);
    });
  }

  async cancel(principal: Principal, runId: string, reason: string): Promise<RunView> {
    return this.command(principal, runId, async (manager, run) => {
      const now = new Date();
      run.status = 'cancelled';
      run.cancelReason = reason;
      run.updatedAt = now;
      await manager.save(RunEntity, run);
      await publishInTransaction(manager, CatalogueEvents.RunCancelled, run.id, {
        runId: run.id,
        offerId: run.offerId,
        // The provider's words stay in the run; events carry no free text.
        cancelledAt: timestampFromDate(now),
        revision: await nextRevision(manager, RunEntity, run),
      });
      return runView(run, await offerPublished(manager, run.offerId));
    });
  }

  async get(principal: Principal, runId: string): Promise<RunView> {
    // A run is public once scheduled, also after it was cancelled: enrolled teachers follow it. Why it was cancelled
    // is the provider's own text, for itself and admins.
    const run = await this.dataSource.getRepository(RunEntity).findOneBy({ id: runId });
    if (!run) throw notFound();
    return publicRunView(principal, run, await offerPublished(this.dataSource.manager, run.offerId));
  }

  /** Runs of an offer, by start date; everyone sees scheduled runs, the provider also its cancelled ones. */
  async listForOffer(principal: Principal, offerId: string, page: number, pageSize: number, updatedSince?: Date): Promise<Page<RunView>> {
    // The runs of an offer the caller cannot see do not exist for it either.
    const offer = visibleOrNotFound(await this.dataSource.getRepository(OfferEntity).findOneBy({ id: offerId }), (found) => mayReadOffer(principal, found), offerNotFound);
    const manager = mayManage(principal, offer.providerId);
    const builder = this.dataSource.getRepository(RunEntity).createQueryBuilder('run').where('run.offer_id = :offerId', { offerId });
    if (!manager) builder.andWhere(`run.status = 'scheduled'`);
    if (updatedSince) builder.andWhere('run.updated_at > :updatedSince', { updatedSince });
    const [runs, total] = await builder
      .orderBy('run.start_date', 'ASC')
      .addOrderBy('run.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: runs.map((run) => publicRunView(principal, run, offer.status === 'published')), page, pageSize, total };
  }

  private async command<T>(principal: Principal, runId: string, work: (manager: EntityManager, run: RunEntity, today: string) => Promise<T>): Promise<T> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      const run = await manager.findOne(RunEntity, { where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (!run) throw notFound();
      // Runs are public: another provider's run is there to see, but not to change (403).
      assertOwner(principal, run.providerId);
      if (run.status === 'cancelled') throw new CatalogueError('RUN_CANCELLED', 'conflict', 'Deze uitvoering is geannuleerd.');
      const today = amsterdamDate(new Date());
      assertNotEnded(run, today);
      return work(manager, run, today);
    });
    this.messaging.nudgeRelay();
    return result;
  }
}

async function applyPlan(manager: EntityManager, run: RunEntity, plan: RunPlan, today: string): Promise<RunView> {
  assertPlanNotInPast(plan, today, run);
  assertCapacityCoversEnrolled(plan.capacity, run.capacity, run.placesTaken);
  Object.assign(run, plan, { updatedAt: new Date() });
  await manager.save(RunEntity, run);
  await publishInTransaction(manager, CatalogueEvents.RunChanged, run.id, {
    run: await snapshot(manager, run),
    revision: await nextRevision(manager, RunEntity, run),
  });
  return runView(run, await offerPublished(manager, run.offerId));
}

/** Whether the run's offer takes enrolments: a suspended or withdrawn offer's runs are closed. */
async function offerPublished(manager: EntityManager, offerId: string): Promise<boolean> {
  const offer = await manager.findOne(OfferEntity, { select: { id: true, status: true }, where: { id: offerId } });
  return offer?.status === 'published';
}

function planOf(run: RunEntity): RunPlan {
  return {
    startDate: run.startDate,
    endDate: run.endDate,
    sessions: run.sessions,
    online: run.online,
    location: run.location,
    capacity: run.capacity,
    enrolmentDeadline: run.enrolmentDeadline,
    priceCents: run.priceCents,
  };
}

function assertOwner(principal: Principal, providerId: string): void {
  if (!mayManage(principal, providerId)) {
    throw new CatalogueError('OFFER_OF_OTHER_PROVIDER', 'forbidden', 'Dit aanbod is van een andere aanbieder.');
  }
}

function assertPlan(plan: RunPlan): void {
  const problems = runProblems(plan);
  if (problems.length > 0) {
    throw new CatalogueError('RUN_INVALID', 'invalid', 'De invoer is ongeldig.', {
      errors: problems.map((problem) => ({ field: problem.field, messages: [problem.message] })),
    });
  }
}

async function snapshot(manager: EntityManager, run: RunEntity): Promise<MessageInitShape<typeof RunSnapshotSchema>> {
  const version = await manager.findOneByOrFail(OfferVersionEntity, { offerId: run.offerId, version: run.offerVersion });
  return {
    runId: run.id,
    offerId: run.offerId,
    offerVersion: run.offerVersion,
    providerId: run.providerId,
    startDate: run.startDate,
    endDate: run.endDate,
    enrolmentDeadline: run.enrolmentDeadline ? timestampFromDate(run.enrolmentDeadline) : undefined,
    capacity: run.capacity,
    priceCents: BigInt(effectivePriceCents(run, version.priceCents)),
    online: run.online,
    location: run.location ?? '',
    sessionCount: run.sessions.length,
  };
}

export function runView(run: RunEntity, offerIsPublished: boolean, now = new Date()): RunView {
  return {
    runId: run.id,
    offerId: run.offerId,
    offerVersion: run.offerVersion,
    providerId: run.providerId,
    startDate: run.startDate,
    endDate: run.endDate,
    sessions: run.sessions,
    online: run.online,
    location: run.location,
    capacity: run.capacity,
    placesLeft: placesLeft(run.capacity, run.placesTaken),
    enrolment: runEnrolment({ ...run, offerPublished: offerIsPublished }, now),
    enrolmentDeadline: run.enrolmentDeadline?.toISOString() ?? null,
    priceCents: run.priceCents,
    status: run.status,
    cancelReason: run.cancelReason,
    updatedAt: run.updatedAt.toISOString(),
  };
}

function publicRunView(principal: Principal, run: RunEntity, offerIsPublished: boolean): RunView {
  const view = runView(run, offerIsPublished);
  return mayManage(principal, run.providerId) ? view : { ...view, cancelReason: null };
}
