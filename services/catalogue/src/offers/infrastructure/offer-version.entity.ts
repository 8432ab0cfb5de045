import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CENTS } from '@napl/persistence';
import type { Rejection, VersionState, VersionStatus } from '../domain/offer-lifecycle';
import type { DeliveryMode, OfferFormat, OfferLanguage, SectorCode } from '../domain/offer-vocabulary';

/** The Dutch full-text document of a version: title weighs most, then summary, then description. */
export const SEARCH_VECTOR_EXPRESSION =
  "setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') || " +
  "setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '')), 'B') || " +
  "setweight(to_tsvector('dutch'::regconfig, coalesce(description, '')), 'C')";

/**
 * One version of an offer's content. Versions are never changed once submitted: the version a teacher enrolled
 * in stays retrievable. `listed` marks the one version per offer that teachers find in search (the published
 * version of an offer that takes enrolments), so search needs no join.
 */
@Entity({ name: 'offer_version' })
// Created by hand in a migration (GIN, partial); declared here so the schema check knows it.
@Index('offer_version_search_idx', { synchronize: false })
@Index('offer_version_listed_idx', ['listed'], { where: 'listed' })
export class OfferVersionEntity implements VersionState {
  @PrimaryColumn({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @PrimaryColumn({ type: 'integer' })
  version: number;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ type: 'text' })
  status: VersionStatus;

  @Column({ type: 'boolean', default: false })
  listed: boolean;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', array: true })
  sectors: SectorCode[];

  @Column({ type: 'text' })
  format: OfferFormat;

  @Column({ name: 'delivery_mode', type: 'text' })
  deliveryMode: DeliveryMode;

  @Column({ name: 'study_load_hours', type: 'integer' })
  studyLoadHours: number;

  @Column({ name: 'price_cents', type: 'bigint', transformer: CENTS })
  priceCents: number;

  @Column({ name: 'price_covers', type: 'text' })
  priceCovers: string;

  @Column({ name: 'region_ids', type: 'text', array: true })
  regionIds: string[];

  @Column({ type: 'boolean' })
  national: boolean;

  @Column({ type: 'text' })
  language: OfferLanguage;

  @Column({ name: 'learning_outcomes', type: 'text', array: true })
  learningOutcomes: string[];

  @Column({ name: 'path_step_codes', type: 'text', array: true })
  pathStepCodes: string[];

  @Column({ name: 'team_programme', type: 'boolean' })
  teamProgramme: boolean;

  @Column({ name: 'min_group_size', type: 'integer' })
  minGroupSize: number;

  @Column({ name: 'max_group_size', type: 'integer' })
  maxGroupSize: number;

  /** The publication rules the version was submitted under. */
  @Column({ name: 'rules_version', type: 'integer', nullable: true })
  rulesVersion: number | null;

  /** The assessor's reasons when the version was rejected (Dutch); cleared when submitted again. */
  @Column({ type: 'jsonb', nullable: true })
  rejection: Rejection | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({
    name: 'search_vector',
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: SEARCH_VECTOR_EXPRESSION,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string;
}
