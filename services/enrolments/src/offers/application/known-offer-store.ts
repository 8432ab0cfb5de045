import type { OfferSnapshot } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { sectorFromContract } from '../../teachers/domain/teacher';
import { KnownOfferEntity, type KnownOfferStatus } from '../infrastructure/known-offer.entity';

export async function upsertOffer(offer: OfferSnapshot, status: KnownOfferStatus | null, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownOfferEntity).tablePath;
  const sectors = offer.sectors.map(sectorFromContract).filter((code) => code !== undefined);
  // An update of an offer not seen published yet is stored as not open ('suspended' until published).
  // A late, older event never overwrites a newer one (the catalogue event time orders them).
  await manager.query(
    `INSERT INTO ${table} (offer_id, provider_id, version, title, sectors, team_programme, status, source_version)
     VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, 'suspended'), $8)
     ON CONFLICT (offer_id) DO UPDATE SET
       provider_id = EXCLUDED.provider_id, version = EXCLUDED.version, title = EXCLUDED.title, sectors = EXCLUDED.sectors,
       team_programme = EXCLUDED.team_programme, status = COALESCE($7, ${table}.status), source_version = EXCLUDED.source_version
     WHERE ${table}.source_version < EXCLUDED.source_version`,
    [offer.offerId, offer.providerId, offer.version, offer.title, sectors, offer.teamProgramme, status, new Date(envelope.occurredAt)],
  );
}

export async function setStatus(offerId: string, status: KnownOfferStatus, { manager, envelope }: HandlerContext): Promise<void> {
  const table = manager.connection.getMetadata(KnownOfferEntity).tablePath;
  await manager.query(
    `UPDATE ${table} SET status = $2, source_version = $3 WHERE offer_id = $1 AND source_version < $3`,
    [offerId, status, new Date(envelope.occurredAt)],
  );
}
