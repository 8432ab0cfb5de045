import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@napl/auth';
import { CatalogueEvents, type EventContract, type MarkExpired, type MarkRevoked, type OfferApproved, type OfferRejected } from '@napl/contracts';
import { MessagingRuntime, publishInTransaction } from '@napl/messaging';
import { inTransaction } from '@napl/persistence';
import { visibleOrNotFound } from '@napl/service-kit';
import { recordChange } from '../../changes/application/change-feed';
import { ProviderEntity } from '../../providers/infrastructure/provider.entity';
import { CatalogueError } from '../../shared/catalogue.error';
import type { Page } from '../../shared/pagination';
import { mayManage, mayReadOffer, providerIdOf } from '../../shared/principal-scope';
import { nextRevision } from '../../shared/revision';
import { contentProblems, type OfferContent } from '../domain/offer-content';
import * as lifecycle from '../domain/offer-lifecycle';
import type { OfferStatus } from '../domain/offer-lifecycle';
import { OfferVersionEntity } from '../infrastructure/offer-version.entity';
import { OfferEntity } from '../infrastructure/offer.entity';
import { offerSnapshot, offerView, timestamp, versionView, type OfferView, type VersionView } from './offer-views';

/** Publishes an event in the transaction at hand: the outbox for commands, the consumer's context for events. */
export type Publish = <C extends EventContract>(contract: C, key: string, payload: MessageInitShape<C['schema']>) => Promise<unknown>;

export interface OfferListQuery {
  updatedSince?: Date;
  status?: OfferStatus;
  page: number;
  pageSize: number;
}

const notFound = (): CatalogueError => new CatalogueError('OFFER_NOT_FOUND', 'not-found', 'Dit aanbod bestaat niet.');

/** The offer use cases: what providers do over HTTP and what the quality service's decisions do. */
@Injectable()
export class OfferService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: MessagingRuntime,
  ) {}

  async create(principal: Principal, content: OfferContent): Promise<OfferView> {
    const providerId = providerIdOf(principal);
    assertConsistent(content);
    const now = new Date();
    return inTransaction(this.dataSource, async (manager) => {
      if (!(await manager.existsBy(ProviderEntity, { id: providerId }))) {
        throw new CatalogueError('PROVIDER_NOT_REGISTERED', 'forbidden', 'Uw organisatie is nog niet als aanbieder geregistreerd.');
      }
      const offer = manager.create(OfferEntity, {
        id: randomUUID(),
        providerId,
        status: 'draft',
        latestVersion: 1,
        publishedVersion: null,
        currentMarkId: null,
        markValidUntil: null,
        suspendedReason: null,
        withdrawnReason: null,
        statusBeforeWithdrawal: null,
        createdAt: now,
        updatedAt: now,
        revision: 0,
      });
      const version = manager.create(OfferVersionEntity, {
        ...content,
        offerId: offer.id,
        providerId,
        version: 1,
        status: 'draft',
        listed: false,
        rulesVersion: null,
        rejection: null,
        submittedAt: null,
        publishedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(OfferEntity, offer);
      await manager.insert(OfferVersionEntity, version);
      return offerView(offer, version);
    });
  }

  async get(principal: Principal, offerId: string): Promise<OfferView> {
    const offer = visibleOrNotFound(await this.dataSource.getRepository(OfferEntity).findOneBy({ id: offerId }), (found) => mayReadOffer(principal, found), notFound);
    if (mayManage(principal, offer.providerId)) {
      return offerView(offer, await this.version(this.dataSource.manager, offer.id, offer.latestVersion));
    }
    // Others see only what is public: the published version.
    return offerView(offer, await this.version(this.dataSource.manager, offer.id, offer.publishedVersion!));
  }

  async listForProvider(principal: Principal, providerId: string, query: OfferListQuery): Promise<Page<OfferView>> {
    if (!mayManage(principal, providerId)) {
      throw new CatalogueError('OFFER_OF_OTHER_PROVIDER', 'forbidden', 'U kunt alleen het aanbod van uw eigen organisatie inzien.');
    }
    const builder = this.dataSource.getRepository(OfferEntity).createQueryBuilder('offer').where('offer.providerId = :providerId', { providerId });
    if (query.updatedSince) builder.andWhere('offer.updatedAt > :since', { since: query.updatedSince });
    if (query.status) builder.andWhere('offer.status = :status', { status: query.status });
    // Oldest change first, so a provider system can walk updated_since forward page by page.
    const [offers, total] = await builder
      .orderBy('offer.updatedAt', 'ASC')
      .addOrderBy('offer.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const latest = offers.length
      ? await this.dataSource.getRepository(OfferVersionEntity).find({ where: offers.map((offer) => ({ offerId: offer.id, version: offer.latestVersion })) })
      : [];
    const byOffer = new Map(latest.map((version) => [version.offerId, version]));
    const items = offers.map((offer) => offerView(offer, byOffer.get(offer.id)!));
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  async update(principal: Principal, offerId: string, content: OfferContent): Promise<OfferView> {
    assertConsistent(content);
    return this.command(principal, offerId, async (manager, offer, now) => {
      const latest = await this.version(manager, offer.id, offer.latestVersion);
      const edited = lifecycle.applyEdit(offer, latest, content, now);
      if (edited === latest) await manager.save(OfferVersionEntity, latest);
      else await manager.insert(OfferVersionEntity, manager.create(OfferVersionEntity, { ...edited, providerId: offer.providerId, listed: false, createdAt: now }));
      await manager.save(OfferEntity, offer);
      return offerView(offer, await this.version(manager, offer.id, offer.latestVersion));
    });
  }

  async submit(principal: Principal, offerId: string): Promise<OfferView> {
    return this.command(principal, offerId, async (manager, offer, now) => {
      const latest = await this.version(manager, offer.id, offer.latestVersion);
      lifecycle.submit(offer, latest, now);
      await manager.save(OfferVersionEntity, latest);
      await manager.save(OfferEntity, offer);
      await publishInTransaction(manager, CatalogueEvents.OfferSubmitted, offer.id, {
        offer: offerSnapshot(latest),
        submittedAt: timestamp(now),
        revision: await nextRevision(manager, OfferEntity, offer),
      });
      await recordChange(manager, { providerId: offer.providerId, offerId: offer.id, offerVersion: latest.version, kind: 'submitted', occurredAt: now });
      return offerView(offer, latest);
    });
  }

  async withdraw(principal: Principal, offerId: string, reason: string): Promise<OfferView> {
    return this.command(principal, offerId, async (manager, offer, now) => {
      lifecycle.withdraw(offer, reason, now);
      await manager.save(OfferEntity, offer);
      await this.syncListing(manager, offer);
      await publishInTransaction(manager, CatalogueEvents.OfferWithdrawn, offer.id, {
        offerId: offer.id,
        providerId: offer.providerId,
        // The provider's words stay here (offer and change feed); events carry no free text.
        withdrawnAt: timestamp(now),
        revision: await nextRevision(manager, OfferEntity, offer),
      });
      await recordChange(manager, {
        providerId: offer.providerId,
        offerId: offer.id,
        offerVersion: offer.publishedVersion ?? offer.latestVersion,
        kind: 'withdrawn',
        detail: { reason },
        occurredAt: now,
      });
      return offerView(offer, await this.version(manager, offer.id, offer.latestVersion));
    });
  }

  /** Admins only (the controller checks the role): undoes a withdrawal made by mistake. */
  async reinstate(principal: Principal, offerId: string): Promise<OfferView> {
    return this.command(principal, offerId, async (manager, offer, now) => {
      const restored = lifecycle.reinstate(offer, now);
      await manager.save(OfferEntity, offer);
      await this.syncListing(manager, offer);
      if (restored === 'published' && offer.publishedVersion !== null) {
        const published = await this.version(manager, offer.id, offer.publishedVersion);
        await publishInTransaction(manager, CatalogueEvents.OfferPublished, offer.id, {
          offer: offerSnapshot(published),
          publishedAt: timestamp(now),
          revision: await nextRevision(manager, OfferEntity, offer),
        });
      } else if (restored === 'suspended' && offer.publishedVersion !== null) {
        await publishInTransaction(manager, CatalogueEvents.OfferSuspended, offer.id, {
          offerId: offer.id,
          providerId: offer.providerId,
          version: offer.publishedVersion,
          reason: offer.suspendedReason ?? 'Het kwaliteitskeurmerk is niet meer geldig.',
          suspendedAt: timestamp(now),
          revision: await nextRevision(manager, OfferEntity, offer),
        });
      }
      await recordChange(manager, {
        providerId: offer.providerId,
        offerId: offer.id,
        offerVersion: offer.publishedVersion ?? offer.latestVersion,
        kind: 'reinstated',
        detail: { status: restored },
        occurredAt: now,
      });
      return offerView(offer, await this.version(manager, offer.id, offer.latestVersion));
    });
  }

  async delete(principal: Principal, offerId: string): Promise<void> {
    await this.command(principal, offerId, async (manager, offer) => {
      lifecycle.assertDeletable(offer);
      await manager.delete(OfferVersionEntity, { offerId: offer.id });
      await manager.delete(OfferEntity, { id: offer.id });
    });
  }

  async versions(principal: Principal, offerId: string): Promise<VersionView[]> {
    const offer = await this.dataSource.getRepository(OfferEntity).findOneBy({ id: offerId });
    if (!offer) throw notFound();
    const versions = await this.dataSource.getRepository(OfferVersionEntity).find({ where: { offerId }, order: { version: 'ASC' } });
    const visible = mayManage(principal, offer.providerId) ? versions : versions.filter(wasPublished);
    if (visible.length === 0) throw notFound();
    return visible.map(versionView);
  }

  /** Any version to its provider; to others every version that was ever published (the one they enrolled in). */
  async versionOf(principal: Principal, offerId: string, number: number): Promise<VersionView> {
    const version = await this.dataSource.getRepository(OfferVersionEntity).findOneBy({ offerId, version: number });
    if (!version || !(mayManage(principal, version.providerId) || wasPublished(version))) {
      throw new CatalogueError('OFFER_VERSION_NOT_FOUND', 'not-found', 'Deze versie van het aanbod bestaat niet.');
    }
    return versionView(version);
  }

  // ---- decisions of the quality service (event handlers call these inside the consumer's transaction) ----

  async applyApproval(manager: EntityManager, event: OfferApproved, publish: Publish, occurredAt: Date): Promise<void> {
    const offer = await this.lockOffer(manager, event.offerId);
    if (!offer) return;
    const version = await manager.findOneBy(OfferVersionEntity, { offerId: offer.id, version: event.offerVersion });
    if (!version) return;
    const previous = offer.publishedVersion === null ? null : await this.version(manager, offer.id, offer.publishedVersion);
    const validUntil = event.validUntil ? timestampDate(event.validUntil) : null;
    const outcome = lifecycle.approve(offer, version, previous, { markId: event.markId, validUntil }, occurredAt);
    if (outcome.kind === 'none') return;
    const detail = { markId: event.markId, validUntil: validUntil?.toISOString() ?? null, conditions: event.conditions };
    if (outcome.kind === 'mark-renewed') {
      // No event: other services follow publication, not marks; a later lapse of this mark suspends.
      await manager.save(OfferEntity, offer);
      await recordChange(manager, { providerId: offer.providerId, offerId: offer.id, offerVersion: outcome.version, kind: 'mark-renewed', detail, occurredAt });
      return;
    }
    if (previous && previous.version !== version.version) await manager.save(OfferVersionEntity, previous);
    await manager.save(OfferVersionEntity, version);
    await manager.save(OfferEntity, offer);
    await this.syncListing(manager, offer);
    if (outcome.kind === 'approved-while-withdrawn') {
      // Stays out of search and unannounced until an admin undoes the withdrawal (which announces OfferPublished).
      await recordChange(manager, { providerId: offer.providerId, offerId: offer.id, offerVersion: version.version, kind: 'approved-while-withdrawn', detail, occurredAt });
      return;
    }
    if (outcome.kind !== 'published') return;
    const snapshot = offerSnapshot(version);
    const revision = await nextRevision(manager, OfferEntity, offer);
    if (outcome.firstPublication) {
      await publish(CatalogueEvents.OfferPublished, offer.id, { offer: snapshot, publishedAt: timestamp(occurredAt), revision });
    } else {
      await publish(CatalogueEvents.OfferUpdated, offer.id, { offer: snapshot, updatedAt: timestamp(occurredAt), revision });
    }
    await recordChange(manager, {
      providerId: offer.providerId,
      offerId: offer.id,
      offerVersion: version.version,
      kind: outcome.firstPublication ? 'published' : 'updated',
      detail,
      occurredAt,
    });
  }

  async applyRejection(manager: EntityManager, event: OfferRejected, occurredAt: Date): Promise<void> {
    const offer = await this.lockOffer(manager, event.offerId);
    if (!offer) return;
    const version = await manager.findOneBy(OfferVersionEntity, { offerId: offer.id, version: event.offerVersion });
    if (!version) return;
    const rejection = {
      summary: event.summary,
      reasons: event.reasons.map((reason) => ({ criterionCode: reason.criterionCode, reason: reason.reason })),
      decidedAt: (event.decidedAt ? timestampDate(event.decidedAt) : occurredAt).toISOString(),
    };
    if (lifecycle.reject(offer, version, rejection, occurredAt).kind !== 'rejected') return;
    await manager.save(OfferVersionEntity, version);
    await manager.save(OfferEntity, offer);
    await recordChange(manager, { providerId: offer.providerId, offerId: offer.id, offerVersion: version.version, kind: 'rejected', detail: rejection, occurredAt });
  }

  async applyMarkLapsed(manager: EntityManager, event: MarkExpired | MarkRevoked, reason: string, publish: Publish, occurredAt: Date): Promise<void> {
    const offer = await this.lockOffer(manager, event.offerId);
    if (!offer) return;
    const outcome = lifecycle.markLapsed(offer, event.markId, reason, occurredAt);
    await manager.save(OfferEntity, offer);
    if (outcome.kind !== 'suspended' || offer.publishedVersion === null) return;
    await this.syncListing(manager, offer);
    await publish(CatalogueEvents.OfferSuspended, offer.id, {
      offerId: offer.id,
      providerId: offer.providerId,
      version: offer.publishedVersion,
      reason,
      suspendedAt: timestamp(occurredAt),
      revision: await nextRevision(manager, OfferEntity, offer),
    });
    await recordChange(manager, { providerId: offer.providerId, offerId: offer.id, offerVersion: offer.publishedVersion, kind: 'suspended', detail: { reason }, occurredAt });
  }

  // ---- helpers ----

  /** Runs a provider command on a locked offer in one transaction, then lets the relay publish at once. */
  private async command<T>(principal: Principal, offerId: string, work: (manager: EntityManager, offer: OfferEntity, now: Date) => Promise<T>): Promise<T> {
    const result = await inTransaction(this.dataSource, async (manager) => {
      // Another provider's drafts and withdrawn offers do not exist for the caller; a public offer is public anyway.
      const offer = visibleOrNotFound(await this.lockOffer(manager, offerId), (found) => mayReadOffer(principal, found), notFound);
      if (!mayManage(principal, offer.providerId)) {
        throw new CatalogueError('OFFER_OF_OTHER_PROVIDER', 'forbidden', 'Dit aanbod is van een andere aanbieder.');
      }
      return work(manager, offer, new Date());
    });
    this.messaging.nudgeRelay();
    return result;
  }

  private lockOffer(manager: EntityManager, offerId: string): Promise<OfferEntity | null> {
    return manager.findOne(OfferEntity, { where: { id: offerId }, lock: { mode: 'pessimistic_write' } });
  }

  private async version(manager: EntityManager, offerId: string, version: number): Promise<OfferVersionEntity> {
    return manager.findOneByOrFail(OfferVersionEntity, { offerId, version });
  }

  /** Exactly the published version of an offer that takes enrolments is found by search. */
  private async syncListing(manager: EntityManager, offer: OfferEntity): Promise<void> {
    const listedVersion = offer.status === 'published' ? offer.publishedVersion : null;
    const table = manager.connection.getMetadata(OfferVersionEntity).tablePath;
    await manager.query(
      `UPDATE ${table} SET listed = (version IS NOT DISTINCT FROM $2::integer)
       WHERE offer_id = $1 AND listed IS DISTINCT FROM (version IS NOT DISTINCT FROM $2::integer)`,
      [offer.id, listedVersion],
    );
  }
}

function wasPublished(version: OfferVersionEntity): boolean {
  return version.status === 'published' || version.status === 'superseded';
}

function assertConsistent(content: OfferContent): void {
  const problems = contentProblems(content);
  if (problems.length > 0) {
    throw new CatalogueError('OFFER_INVALID', 'invalid', 'De invoer is ongeldig.', {
      errors: problems.map((problem) => ({ field: problem.field, messages: [problem.message] })),
    });
  }
}
