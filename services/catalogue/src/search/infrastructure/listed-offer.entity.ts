import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';

/**
 * What search reads: one narrow row per listed offer (the listed version of offer_version, see its `listed`), with
 * the full-text document and the filter columns only. offer_version rows carry the whole content (about 1 kB each),
 * so at 200,000 offers a broad text query read 250 MB of heap for 80,000 matches; these rows are half that size and
 * have their own indexes. Kept by a trigger on offer_version (migration ListedOffers1796100000200) in the same
 * transaction as every change of a version's `listed` flag, whichever code makes it; never written by the service.
 */
@Entity({ name: 'listed_offer' })
// Created by hand in the migration (GIN, DESC order); declared here so the schema check knows them.
@Index('listed_offer_search_idx', { synchronize: false })
@Index('listed_offer_newest_idx', { synchronize: false })
@Index('listed_offer_region_idx', { synchronize: false })
@Index('listed_offer_path_step_idx', { synchronize: false })
@Index('listed_offer_national_idx', ['national'], { where: 'national' })
export class ListedOfferEntity {
  @PrimaryColumn({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @Column({ type: 'integer' })
  version: number;

  /** A copy of offer_version.search_vector (Dutch; title A, summary B, description C). */
  @Column({ name: 'search_vector', type: 'tsvector' })
  searchVector: string;

  @Column({ type: 'text', array: true })
  sectors: string[];

  @Column({ name: 'region_ids', type: 'text', array: true })
  regionIds: string[];

  @Column({ type: 'boolean' })
  national: boolean;

  @Column({ name: 'path_step_codes', type: 'text', array: true })
  pathStepCodes: string[];

  @Column({ type: 'text' })
  format: string;

  @Column({ name: 'delivery_mode', type: 'text' })
  deliveryMode: string;

  @Column({ name: 'price_cents', type: 'bigint', transformer: CENTS })
  priceCents: number;

  @Column({ name: 'team_programme', type: 'boolean' })
  teamProgramme: boolean;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
