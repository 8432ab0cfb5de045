import { Column, Entity, PrimaryColumn } from 'typeorm';

export type KnownOfferStatus = 'published' | 'withdrawn' | 'suspended';

/**
 * The enrolments service's own copy of a catalogue offer: only what enrolling needs. An offer is published
 * after quality approval, so `published` means published and approved; suspended (mark expired or revoked) and
 * withdrawn offers take no new enrolments. `source_revision` (the catalogue's revision of the offer) and
 * `source_version` (the event time) of the last applied event order late events (see @napl/persistence source-order).
 */
@Entity({ name: 'known_offer' })
export class KnownOfferEntity {
  @PrimaryColumn({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text', default: '' })
  title: string;

  /** Sector codes (po, vo, mbo, vso) the offer is meant for. */
  @Column({ type: 'text', array: true })
  sectors: string[];

  @Column({ name: 'team_programme', type: 'boolean' })
  teamProgramme: boolean;

  @Column({ type: 'text' })
  status: KnownOfferStatus;

  @Column({ name: 'source_version', type: 'timestamptz' })
  sourceVersion: Date;

  /** 0 while only events without a revision were applied. */
  @Column({ name: 'source_revision', type: 'bigint', default: 0 })
  sourceRevision: string;
}
