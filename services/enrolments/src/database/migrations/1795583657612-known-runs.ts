import type { MigrationInterface, QueryRunner } from 'typeorm';

export class KnownRuns1795583657612 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "known_run" ("run_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "offer_version" integer NOT NULL, "provider_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "enrolment_deadline" TIMESTAMP WITH TIME ZONE, "capacity" integer NOT NULL, "price_cents" bigint NOT NULL, "status" text NOT NULL, "source_version" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9bee75bd6a095621c54077d6db8" PRIMARY KEY ("run_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "known_run"`);
  }
}
