import { sectorFromContract, type OfferSnapshot } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { isNewerThanCopy, revisionAfter } from '@napl/persistence';
import { KnownOfferVersionEntity } from '../infrastructure/known-offer-version.entity';
import { KnownOfferEntity, type KnownOfferStatus } from '../infrastructure/known-offer.entity';

/**
 * Stores an offer's snapshot (`status` null: keep the status; an offer not seen published yet is stored as not open),
 * unless the copy already holds a newer event of it, and keeps what each version counts for.
 */
export async function upsertOffer(offer: OfferSnapshot, status: KnownOfferStatus | null, revision: bigint, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownOfferEntity).tablePath;
  const sectors = offer.sectors.map(sectorFromContract).filter((code) => code !== undefined);
  // Empty in events from before the catalogue sent the format.
  const format = offer.format || null;
  await manager.query(
    `INSERT INTO ${table} (offer_id, provider_id, version, title, sectors, format, study_load_hours, path_step_codes, region_ids,
                           status, source_version, source_revision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10, 'suspended'), $11, $12)
     ON CONFLICT (offer_id) DO UPDATE SET
       provider_id = EXCLUDED.provider_id, version = EXCLUDED.version, title = EXCLUDED.title, sectors = EXCLUDED.sectors,
       format = EXCLUDED.format, study_load_hours = EXCLUDED.study_load_hours, path_step_codes = EXCLUDED.path_step_codes,
       region_ids = EXCLUDED.region_ids, status = COALESCE($10, ${table}.status), source_version = EXCLUDED.source_version,
       source_revision = ${revisionAfter(table, 'EXCLUDED.source_revision')}
     WHERE ${isNewerThanCopy(table, 'EXCLUDED.source_revision', 'EXCLUDED.source_version')}`,
    [
      offer.offerId, offer.providerId, offer.version, offer.title, sectors, format, offer.studyLoadHours, offer.pathStepCodes,
      offer.regionIds, status, new Date(envelope.occurredAt), revision.toString(),
    ],
  );
  // A version's facts never change in the catalogue: the first snapshot of it stays.
  await manager.query(
    `INSERT INTO ${manager.connection.getMetadata(KnownOfferVersionEntity).tablePath} (offer_id, version, format, study_load_hours, path_step_codes)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [offer.offerId, offer.version, format, offer.studyLoadHours, offer.pathStepCodes],
  );
}

/** Sets the status of a known offer (withdrawn, suspended), unless the copy already holds a newer event of it. */
export async function setOfferStatus(offerId: string, status: KnownOfferStatus, revision: bigint, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownOfferEntity).tablePath;
  await manager.query(
    `UPDATE ${table} SET status = $2, source_version = $3::timestamptz, source_revision = ${revisionAfter(table, '$4::bigint')}
     WHERE offer_id = $1 AND ${isNewerThanCopy(table, '$4::bigint', '$3::timestamptz')}`,
    [offerId, status, new Date(envelope.occurredAt), revision.toString()],
  );
}
