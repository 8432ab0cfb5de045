import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why an enrolment was not completed becomes a code the provider picks (the events carry only that); the provider's
 * free text stays, optional, in `not_completed_reason`. Results recorded before the code existed count as OTHER.
 */
export class NotCompletedReasonCode1796200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrolment" ADD "not_completed_reason_code" text`);
    await queryRunner.query(`UPDATE "enrolment" SET "not_completed_reason_code" = 'OTHER' WHERE "status" = 'not_completed'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrolment" DROP COLUMN "not_completed_reason_code"`);
  }
}
