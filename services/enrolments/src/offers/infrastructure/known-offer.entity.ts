import { Column, Entity, PrimaryColumn } from 'typeorm';

export type KnownOfferStatus = 'published' | 'withdrawn' | 'suspended';

/**
 * The enrolments service's own copy of a catalogue offer: only what enrolling needs. An offer is published
 * after quality approval, so `published` means published and approved; suspended (mark expired or revoked) and
 * withdrawn offers take no new enrolments.
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
}
