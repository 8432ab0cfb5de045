import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEARCH_VECTOR_EXPRESSION } from '../../offers/infrastructure/offer-version.entity';

export class CatalogueTables1795998105729 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "provider_change" ("position" BIGSERIAL NOT NULL, "provider_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "offer_version" integer NOT NULL, "kind" text NOT NULL, "detail" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f506b3625d7eef8cad7c75dbfac" PRIMARY KEY ("position"))`);
    await queryRunner.query(`CREATE INDEX "provider_change_feed_idx" ON "provider_change" ("provider_id", "position") `);
    // TypeORM compares a generated column's expression with the one it recorded here (see the entity).
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), 'offer_version', 'GENERATED_COLUMN', 'search_vector', $1)`,
      [SEARCH_VECTOR_EXPRESSION],
    );
    await queryRunner.query(`CREATE TABLE "offer_version" ("offer_id" uuid NOT NULL, "version" integer NOT NULL, "provider_id" uuid NOT NULL, "status" text NOT NULL, "listed" boolean NOT NULL DEFAULT false, "title" text NOT NULL, "summary" text NOT NULL, "description" text NOT NULL, "sectors" text array NOT NULL, "format" text NOT NULL, "delivery_mode" text NOT NULL, "study_load_hours" integer NOT NULL, "price_cents" bigint NOT NULL, "price_covers" text NOT NULL, "region_ids" text array NOT NULL, "national" boolean NOT NULL, "language" text NOT NULL, "learning_outcomes" text array NOT NULL, "path_step_codes" text array NOT NULL, "team_programme" boolean NOT NULL, "min_group_size" integer NOT NULL, "max_group_size" integer NOT NULL, "rules_version" integer, "rejection" jsonb, "submitted_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('dutch'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('dutch'::regconfig, coalesce(description, '')), 'C')) STORED NOT NULL, CONSTRAINT "PK_faf6a2f5b8136918dbcbf762569" PRIMARY KEY ("offer_id", "version"))`);
    // Full-text search over the listed (findable) versions only: the GIN index stays as small as the catalogue.
    await queryRunner.query(`CREATE INDEX "offer_version_search_idx" ON "offer_version" USING GIN ("search_vector") WHERE listed`);
    await queryRunner.query(`CREATE INDEX "offer_version_listed_idx" ON "offer_version" ("listed") WHERE listed`);
    await queryRunner.query(`CREATE TABLE "offer" ("id" uuid NOT NULL, "provider_id" uuid NOT NULL, "status" text NOT NULL, "latest_version" integer NOT NULL, "published_version" integer, "current_mark_id" uuid, "mark_valid_until" TIMESTAMP WITH TIME ZONE, "suspended_reason" text, "withdrawn_reason" text, "status_before_withdrawal" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_57c6ae1abe49201919ef68de900" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "offer_provider_updated_idx" ON "offer" ("provider_id", "updated_at", "id") `);
    await queryRunner.query(`CREATE TABLE "provider" ("id" uuid NOT NULL, "name" text NOT NULL, "kvk_number" character varying(8) NOT NULL, "contact_email" text NOT NULL, "contact_phone" text, "website_url" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_463d2aa7c592ac04bd70ac041c5" UNIQUE ("kvk_number"), CONSTRAINT "PK_6ab2f66d8987bf1bfdd6136a2d5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "run" ("id" uuid NOT NULL, "offer_id" uuid NOT NULL, "offer_version" integer NOT NULL, "provider_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "sessions" jsonb NOT NULL, "online" boolean NOT NULL, "location" text, "capacity" integer NOT NULL, "enrolment_deadline" TIMESTAMP WITH TIME ZONE, "price_cents" bigint, "status" text NOT NULL, "cancel_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_804c38ffba92002c6d2c646dd46" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "run_offer_start_idx" ON "run" ("offer_id", "start_date") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "run_offer_start_idx"`);
    await queryRunner.query(`DROP TABLE "run"`);
    await queryRunner.query(`DROP TABLE "provider"`);
    await queryRunner.query(`DROP INDEX "offer_provider_updated_idx"`);
    await queryRunner.query(`DROP TABLE "offer"`);
    await queryRunner.query(`DROP INDEX "offer_version_listed_idx"`);
    await queryRunner.query(`DROP INDEX "offer_version_search_idx"`);
    await queryRunner.query(`DROP TABLE "offer_version"`);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'offer_version' AND "name" = 'search_vector'`);
    await queryRunner.query(`DROP INDEX "provider_change_feed_idx"`);
    await queryRunner.query(`DROP TABLE "provider_change"`);
  }
}
