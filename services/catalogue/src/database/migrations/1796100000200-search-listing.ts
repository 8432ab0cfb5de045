import type { MigrationInterface, QueryRunner } from 'typeorm';

const LISTED_COLUMNS =
  'offer_id, version, search_vector, sectors, region_ids, national, path_step_codes, format, delivery_mode, price_cents, team_programme, published_at';

/**
 * Search that stays fast as the catalogue grows (issue 10).
 * - `listed_offer`: one narrow row per listed offer (search document and filter columns), so search no longer reads
 *   the 1 kB offer_version rows of every match; its own GIN indexes (text, regions, path steps) and newest-first order.
 *   A trigger on offer_version keeps it, in the transaction of every change of `listed` (or of a listed version), so
 *   no write path can forget it.
 * - Two partial indexes over scheduled runs, carrying what "open for enrolment" needs: one in start-date order (search
 *   walks upcoming runs in date order for `sort=start-date` and stops after a page), one per offer (an offer's next
 *   qualifying run), both answerable from the index alone.
 */
export class SearchListing1796100000200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "listed_offer" ("offer_id" uuid NOT NULL, "version" integer NOT NULL, "search_vector" tsvector NOT NULL, "sectors" text array NOT NULL, "region_ids" text array NOT NULL, "national" boolean NOT NULL, "path_step_codes" text array NOT NULL, "format" text NOT NULL, "delivery_mode" text NOT NULL, "price_cents" bigint NOT NULL, "team_programme" boolean NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6c7b6c2fe243b10d123c49d54af" PRIMARY KEY ("offer_id"))`);
    await queryRunner.query(`CREATE FUNCTION "listed_offer_sync"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.listed THEN
          DELETE FROM listed_offer WHERE offer_id = OLD.offer_id AND version = OLD.version;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.listed THEN
          INSERT INTO listed_offer (${LISTED_COLUMNS})
          VALUES (NEW.offer_id, NEW.version, NEW.search_vector, NEW.sectors, NEW.region_ids, NEW.national, NEW.path_step_codes,
                  NEW.format, NEW.delivery_mode, NEW.price_cents, NEW.team_programme, NEW.published_at)
          ON CONFLICT (offer_id) DO UPDATE SET version = EXCLUDED.version, search_vector = EXCLUDED.search_vector,
            sectors = EXCLUDED.sectors, region_ids = EXCLUDED.region_ids, national = EXCLUDED.national,
            path_step_codes = EXCLUDED.path_step_codes, format = EXCLUDED.format, delivery_mode = EXCLUDED.delivery_mode,
            price_cents = EXCLUDED.price_cents, team_programme = EXCLUDED.team_programme, published_at = EXCLUDED.published_at;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "listed_offer_sync" AFTER INSERT OR UPDATE OR DELETE ON "offer_version"
      FOR EACH ROW EXECUTE FUNCTION "listed_offer_sync"()`);
    // Writes to offer_version wait for this transaction from the CREATE TRIGGER on, so the copy misses none.
    await queryRunner.query(`INSERT INTO "listed_offer" (${LISTED_COLUMNS}) SELECT ${LISTED_COLUMNS} FROM "offer_version" WHERE listed`);

    await queryRunner.query(`CREATE INDEX "listed_offer_national_idx" ON "listed_offer" ("national") WHERE national`);
    // Listings change rarely (publication, withdrawal): no GIN pending list (fastupdate), so no search scans one.
    await queryRunner.query(`CREATE INDEX "listed_offer_search_idx" ON "listed_offer" USING GIN ("search_vector") WITH (fastupdate = off)`);
    await queryRunner.query(`CREATE INDEX "listed_offer_region_idx" ON "listed_offer" USING GIN ("region_ids") WITH (fastupdate = off)`);
    await queryRunner.query(`CREATE INDEX "listed_offer_path_step_idx" ON "listed_offer" USING GIN ("path_step_codes") WITH (fastupdate = off)`);
    // The order of the search without text (newest first, ties by id), so a page is read from the index in order.
    await queryRunner.query(`CREATE INDEX "listed_offer_newest_idx" ON "listed_offer" ("published_at" DESC, "offer_id")`);

    await queryRunner.query(
      `CREATE INDEX "run_upcoming_idx" ON "run" ("start_date", "offer_id", "id") INCLUDE ("capacity", "places_taken", "enrolment_deadline") WHERE status = 'scheduled'`,
    );
    await queryRunner.query(
      `CREATE INDEX "run_offer_upcoming_idx" ON "run" ("offer_id", "start_date", "id") INCLUDE ("capacity", "places_taken", "enrolment_deadline") WHERE status = 'scheduled'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "catalogue"."run_offer_upcoming_idx"`);
    await queryRunner.query(`DROP INDEX "catalogue"."run_upcoming_idx"`);
    await queryRunner.query(`DROP TRIGGER "listed_offer_sync" ON "offer_version"`);
    await queryRunner.query(`DROP FUNCTION "listed_offer_sync"()`);
    await queryRunner.query(`DROP TABLE "listed_offer"`);
  }
}
