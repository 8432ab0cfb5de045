import type { OfferSnapshot } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { isNewerThanCopy, revisionAfter } from '@napl/persistence';
import { sectorFromContract } from '../../teachers/domain/teacher';
import { KnownOfferEntity, type KnownOfferStatus } from '../infrastructure/known-offer.entity';

/**
 * Stores a published or updated offer (`status` null: keep the status), unless the copy already holds a newer event
 * of it: a late, older event never overwrites a newer one (the catalogue's revision orders them; see
 * @napl/persistence source-order). An update of an offer not seen published yet is stored as not open ('suspended' until
 * published).
 */
export async function upsertOffer(offer: OfferSnapshot, status: KnownOfferStatus | null, revision: bigint, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownOfferEntity).tablePath;
  const sectors = offer.sectors.map(sectorFromContract).filter((code) => code !== undefined);
  await manager.query(
    `INSERT INTO ${table} (offer_id, provider_id, version, title, sectors, team_programme, status, source_version, source_revision)
     VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, 'suspended'), $8, $9)
     ON CONFLICT (offer_id) DO UPDATE SET
       provider_id = EXCLUDED.provider_id, version = EXCLUDED.version, title = EXCLUDED.title, sectors = EXCLUDED.sectors,
       team_programme = EXCLUDED.team_programme, status = COALESCE($7, ${table}.status), source_version = EXCLUDED.source_version,
       source_revision = ${revisionAfter(table, 'EXCLUDED.source_revision')}
     WHERE ${isNewerThanCopy(table, 'EXCLUDED.source_revision', 'EXCLUDED.source_version')}`,
    [offer.offerId, offer.providerId, offer.version, offer.title, sectors, offer.teamProgramme, status, new Date(envelope.occurredAt), revision.toString()],
  );
}

/** Sets the status of a known offer (withdrawn, suspended), unless the copy already holds a newer event of it. */
export async function setStatus(offerId: string, status: KnownOfferStatus, revision: bigint, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownOfferEntity).tablePath;
  await manager.query(
    `UPDATE ${table} SET status = $2, source_version = $3::timestamptz, source_revision = ${revisionAfter(table, '$4::bigint')}
     WHERE offer_id = $1 AND ${isNewerThanCopy(table, '$4::bigint', '$3::timestamptz')}`,
    [offerId, status, new Date(envelope.occurredAt), revision.toString()],
  );
}
