import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What one version of an offer counts for: a completion is credited with the hours and steps of the version the
 * teacher enrolled in, even after the offer has changed. Versions are immutable in the catalogue, so the first
 * snapshot of a version is kept.
 */
@Entity({ name: 'known_offer_version' })
export class KnownOfferVersionEntity {
  @PrimaryColumn({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'text', nullable: true })
  format: string | null;

  @Column({ name: 'study_load_hours', type: 'integer' })
  studyLoadHours: number;

  @Column({ name: 'path_step_codes', type: 'text', array: true })
  pathStepCodes: string[];
}
