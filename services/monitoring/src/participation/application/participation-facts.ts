import { sectorFromContract, type Sector } from '@napl/contracts';
import type { HandlerContext } from '@napl/messaging';
import { column, writeFacts, type FactTable } from '../../database/fact-upsert';
import { OfferFactEntity } from '../infrastructure/offer-fact.entity';
import { ParticipantFactEntity } from '../infrastructure/participant-fact.entity';

export interface Participation {
  readonly teacherId: string;
  readonly enrolmentId: string;
  readonly offerId: string;
  readonly sector: Sector;
  readonly regionId: string;
  readonly startedOn: string;
}

/**
 * A teacher took part: the teacher counts once, from the earliest participation (ties broken by enrolment id), so
 * the order events arrive in and replays change nothing. Every participation is considered, not only the one flagged
 * first: the count stays right if a flag was wrong or the flagged event is late.
 */
const PARTICIPANTS: FactTable<Participation> = {
  entity: ParticipantFactEntity,
  columns: [
    column('teacher_id', 'text', (p) => p.teacherId),
    column('started_on', 'date', (p) => p.startedOn),
    column('enrolment_id', 'text', (p) => p.enrolmentId),
    column('offer_id', 'text', (p) => p.offerId || null),
    column('sector', 'text', (p) => sectorFromContract(p.sector) ?? null),
    column('region_id', 'text', (p) => p.regionId || null),
  ],
  key: (p) => p.teacherId,
  onConflict: `ON CONFLICT (teacher_id) DO UPDATE SET started_on = EXCLUDED.started_on, enrolment_id = EXCLUDED.enrolment_id,
       offer_id = EXCLUDED.offer_id, sector = EXCLUDED.sector, region_id = EXCLUDED.region_id
     WHERE (EXCLUDED.started_on, EXCLUDED.enrolment_id) < (t.started_on, t.enrolment_id)`,
};

export async function recordParticipation(participation: Participation, context: HandlerContext): Promise<void> {
  await writeFacts(context, PARTICIPANTS, [participation]);
}

interface OfferFormat {
  readonly offerId: string;
  readonly format: string;
  readonly revision: bigint;
  readonly at: Date;
}

/** An offer's format: the newest revision wins (equal revisions, e.g. 0 before revisions: the later event time). */
const OFFER_FORMATS: FactTable<OfferFormat> = {
  entity: OfferFactEntity,
  columns: [
    column('offer_id', 'text', (o) => o.offerId),
    column('format', 'text', (o) => o.format),
    column('revision', 'bigint', (o) => o.revision.toString()),
    column('event_at', 'timestamptz', (o) => o.at),
  ],
  key: (o) => o.offerId,
  onConflict: `ON CONFLICT (offer_id) DO UPDATE SET format = EXCLUDED.format, revision = EXCLUDED.revision, event_at = EXCLUDED.event_at
     WHERE (EXCLUDED.revision, EXCLUDED.event_at) > (t.revision, t.event_at)`,
};

export async function recordOfferFormat(offer: OfferFormat, context: HandlerContext): Promise<void> {
  await writeFacts(context, OFFER_FORMATS, [offer]);
}
