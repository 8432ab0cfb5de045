import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProviderChangePositions1795999106615 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // Positions now count per provider. Existing rows keep their values (strictly increasing per provider), so
    // cursors that clients hold stay valid; new rows continue at the provider's max + 1.
    await queryRunner.query(`DROP INDEX "catalogue"."provider_change_feed_idx"`);
    await queryRunner.query(`ALTER TABLE "provider_change" DROP CONSTRAINT "PK_f506b3625d7eef8cad7c75dbfac"`);
    await queryRunner.query(`ALTER TABLE "provider_change" ADD CONSTRAINT "PK_3ff730d37ee81e027c55cee9ad9" PRIMARY KEY ("provider_id", "position")`);
    await queryRunner.query(`ALTER TABLE "provider_change" ALTER COLUMN "position" DROP DEFAULT`);
    await queryRunner.query(`DROP SEQUENCE "provider_change_position_seq"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE IF NOT EXISTS "provider_change_position_seq" OWNED BY "provider_change"."position"`);
    await queryRunner.query(`ALTER TABLE "provider_change" ALTER COLUMN "position" SET DEFAULT nextval('"provider_change_position_seq"')`);
    await queryRunner.query(`ALTER TABLE "provider_change" DROP CONSTRAINT "PK_3ff730d37ee81e027c55cee9ad9"`);
    // Per-provider positions repeat across providers: renumber globally, keeping each provider's order.
    await queryRunner.query(
      `UPDATE "provider_change" AS c SET "position" = r.n FROM (SELECT "provider_id", "position", row_number() OVER (ORDER BY "position", "occurred_at", "provider_id") AS n FROM "provider_change") AS r WHERE c."provider_id" = r."provider_id" AND c."position" = r."position"`,
    );
    await queryRunner.query(`SELECT setval('"provider_change_position_seq"', GREATEST((SELECT max("position") FROM "provider_change"), 1))`);
    await queryRunner.query(`ALTER TABLE "provider_change" ADD CONSTRAINT "PK_f506b3625d7eef8cad7c75dbfac" PRIMARY KEY ("position")`);
    await queryRunner.query(`CREATE INDEX "provider_change_feed_idx" ON "provider_change" ("provider_id", "position") `);
  }
}
