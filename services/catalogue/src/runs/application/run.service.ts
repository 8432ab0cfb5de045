import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@napl/auth';
import { CatalogueEvents, type RunSnapshotSchema } from '@napl/contracts';
import { amsterdamDate } from '@napl/domain';
import { MessagingRuntime, publishInTransaction } from '@napl/messaging';
import { inTransaction } from '@napl/persistence';
import { assertTakesRuns } from '../../offers/domain/offer-lifecycle';
import { OfferVersionEntity } from '../../offers/infrastructure/offer-version.entity';
import { OfferEntity } from '../../offers/infrastructure/offer.entity';
import { CatalogueError } from '../../shared/catalogue.error';
import type { Page } from '../../shared/pagination';
import { mayManage } from '../../shared/principal-scope';
import { nextRevision } from '../../shared/revision';
import { assertNotEnded, assertPlanNotInPast, effectivePriceCents, runProblems, type RunPlan, type Session } from '../domain/run-rules';
import { RunEntity } from '../infrastructure/run.entity';

export interface RunView {
  id: string;
  offerId: string;
  offerVersion: number;
  providerId: string;
  startDate: string;
  endDate: string;
  sessions: Session[];
  online: boolean;
  location: string | null;
  capacity: number;
  enrolmentDeadline: string | null;
  /** Null: the offer's price applies. */
  priceCents: number | null;
  status: RunEntity['status'];
  cancelReason: string | null;
  updatedAt: string;
}

const notFound = (): CatalogueError => new CatalogueError('RUN_NOT_FOUND', 'not-found', 'Deze uitvoering bestaat niet.');

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
      const offer = await manager.findOne(OfferEntity, { where: { id: offerId }, lock: { mode: 'pessimistic_write' } });
      if (!offer) throw new CatalogueError('OFFER_NOT_FOUND', 'not-found', 'Dit aanbod bestaat niet.');
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
    return runView(run);
  }

  async change(principal: Principal, runId: string, plan: RunPlan): Promise<RunView> {
    assertPlan(plan);
    return this.command(principal, runId, async (manager, run, today) => {
      assertPlanNotInPast(plan, today, run);
      Object.assign(run, plan, { updatedAt: new Date() });
      await manager.save(RunEntity, run);
      await publishInTransaction(manager, CatalogueEvents.RunChanged, run.id, {
        run: await snapshot(manager, run),
        revision: await nextRevision(manager, RunEntity, run),
      });
      return runView(run);
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
        reason,
        cancelledAt: timestampFromDate(now),
        revision: await nextRevision(manager, RunEntity, run),
      });
      return runView(run);
    });
  }

  async get(_principal: Principal, runId: string): Promise<RunView> {
    const run = await this.dataSource.getRepository(RunEntity).findOneBy({ id: runId });
    if (!run) throw notFound();
    return runView(run);
  }

  /** Runs of an offer, by start date; everyone sees scheduled runs, the provider also its cancelled ones. */
  async listForOffer(principal: Principal, offerId: string, page: number, pageSize: number, updatedSince?: Date): Promise<Page<RunView>> {
    const offer = await this.dataSource.getRepository(OfferEntity).findOneBy({ id: offerId });
    if (!offer) throw new CatalogueError('OFFER_NOT_FOUND', 'not-found', 'Dit aanbod bestaat niet.');
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
    return { items: runs.map(runView), page, pageSize, total };
  }

  private async command<T>(principal: Principal, runId: string, work: (manager: EntityManager, run: RunEntity, today: string) => Promise<T>): Promise<T> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      const run = await manager.findOne(RunEntity, { where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (!run) throw notFound();
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

export function runView(run: RunEntity): RunView {
  return {
    id: run.id,
    offerId: run.offerId,
    offerVersion: run.offerVersion,
    providerId: run.providerId,
    startDate: run.startDate,
    endDate: run.endDate,
    sessions: run.sessions,
    online: run.online,
    location: run.location,
    capacity: run.capacity,
    enrolmentDeadline: run.enrolmentDeadline?.toISOString() ?? null,
    priceCents: run.priceCents,
    status: run.status,
    cancelReason: run.cancelReason,
    updatedAt: run.updatedAt.toISOString(),
  };
}
