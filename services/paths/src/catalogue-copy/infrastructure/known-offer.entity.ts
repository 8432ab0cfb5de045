import { Column, Entity, PrimaryColumn } from 'typeorm';

export type KnownOfferStatus = 'published' | 'withdrawn' | 'suspended';

/**
 * The paths service's copy of a catalogue offer, as of its latest event: what suggesting offers for a step needs.
 * `source_revision` / `source_version` order late events (see @napl/persistence source-order).
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

  @Column({ type: 'text', array: true })
  sectors: string[];

  /** The catalogue's offer format (course, coaching, …); null while the catalogue does not send it. */
  @Column({ type: 'text', nullable: true })
  format: string | null;

  @Column({ name: 'study_load_hours', type: 'integer' })
  studyLoadHours: number;

  @Column({ name: 'path_step_codes', type: 'text', array: true })
  pathStepCodes: string[];

  /** Empty: given nationally. */
  @Column({ name: 'region_ids', type: 'text', array: true })
  regionIds: string[];

  @Column({ type: 'text' })
  status: KnownOfferStatus;

  @Column({ name: 'source_version', type: 'timestamptz' })
  sourceVersion: Date;

  @Column({ name: 'source_revision', type: 'bigint', default: 0 })
  sourceRevision: string;
}
