import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MarkConditionsFulfilment1795999731987 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quality_mark" ADD "conditions_fulfilled_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_quality_mark_conditions_due" ON "quality_mark" ("conditions_deadline") WHERE status = 'valid' AND conditions_deadline IS NOT NULL AND conditions_fulfilled_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "quality"."IDX_quality_mark_conditions_due"`);
    await queryRunner.query(`ALTER TABLE "quality_mark" DROP COLUMN "conditions_fulfilled_at"`);
  }
}
