import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EnrolmentPlaces1796001061651 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "run_enrolment" ("enrolment_id" uuid NOT NULL, "run_id" uuid NOT NULL, "holds_place" boolean NOT NULL, "cancelled" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_75b9c0fc15f10733ba50263d18d" PRIMARY KEY ("enrolment_id"))`);
    await queryRunner.query(`CREATE INDEX "run_enrolment_run_idx" ON "run_enrolment" ("run_id") `);
    await queryRunner.query(`ALTER TABLE "run" ADD "places_taken" integer NOT NULL DEFAULT '0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "run" DROP COLUMN "places_taken"`);
    await queryRunner.query(`DROP INDEX "catalogue"."run_enrolment_run_idx"`);
    await queryRunner.query(`DROP TABLE "run_enrolment"`);
  }
}
