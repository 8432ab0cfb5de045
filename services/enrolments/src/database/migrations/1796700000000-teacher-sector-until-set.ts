import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A teacher's profile is made on their first enrolment from the token (docs/api-conventions.md), which names the
 * teacher and the school but not the sector: the sector stays empty until the teacher sets it with
 * PUT /v1/teachers/me, and an enrolment made before that copies the empty sector (events: SECTOR_UNSPECIFIED).
 * Down fails while such rows exist: there is no sector to invent for them.
 */
export class TeacherSectorUntilSet1796700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrolment" ALTER COLUMN "sector" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "teacher" ALTER COLUMN "sector" DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "teacher" ALTER COLUMN "sector" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "enrolment" ALTER COLUMN "sector" SET NOT NULL`);
  }
}
