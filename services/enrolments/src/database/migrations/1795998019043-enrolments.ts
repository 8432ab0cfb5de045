import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Enrolments1795998019043 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "attendance" ("enrolment_id" uuid NOT NULL, "session_number" integer NOT NULL, "attended" boolean NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d687c916de8fafadec7e699c2ca" PRIMARY KEY ("enrolment_id", "session_number"))`);
    await queryRunner.query(`CREATE TABLE "enrolment" ("enrolment_id" uuid NOT NULL, "teacher_id" uuid NOT NULL, "run_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "status" text NOT NULL, "arrival_number" integer NOT NULL, "school_id" text NOT NULL, "region_id" text NOT NULL, "sector" text NOT NULL, "team_enrolment_id" uuid, "idempotency_key" text, "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancellation_cause" text, "participation_started_on" date, "result_recorded_at" TIMESTAMP WITH TIME ZONE, "not_completed_reason" text, CONSTRAINT "PK_030d1847ddb2f702bbf80b330f5" PRIMARY KEY ("enrolment_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_enrolment_school" ON "enrolment" ("school_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_enrolment_run_arrival" ON "enrolment" ("run_id", "arrival_number") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enrolment_teacher_idempotency_key" ON "enrolment" ("teacher_id", "idempotency_key") WHERE "idempotency_key" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_enrolment_active_teacher_run" ON "enrolment" ("teacher_id", "run_id") WHERE "status" <> 'cancelled'`);
    await queryRunner.query(`CREATE TABLE "notification" ("notification_id" uuid NOT NULL, "teacher_id" uuid NOT NULL, "enrolment_id" uuid, "kind" text NOT NULL, "message" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fc4db99eb33f32cea47c5b6a39c" PRIMARY KEY ("notification_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_notification_teacher" ON "notification" ("teacher_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "known_offer" ("offer_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "version" integer NOT NULL, "title" text NOT NULL DEFAULT '', "sectors" text array NOT NULL, "team_programme" boolean NOT NULL, "status" text NOT NULL, "source_version" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e38c4b26906f0bd5ad5371dda74" PRIMARY KEY ("offer_id"))`);
    await queryRunner.query(`CREATE TABLE "school" ("school_id" text NOT NULL, "name" text NOT NULL, "region_id" text NOT NULL, "region_name" text NOT NULL, CONSTRAINT "PK_6af289a297533c116e251f90c08" PRIMARY KEY ("school_id"))`);
    await queryRunner.query(`CREATE TABLE "teacher" ("teacher_id" uuid NOT NULL, "sector" text NOT NULL, "school_id" text NOT NULL, "region_id" text NOT NULL, "name" text, "email" text, "personal_data_erased_at" TIMESTAMP WITH TIME ZONE, "participant_since" date, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4218596f5a4a574cff06e91d791" PRIMARY KEY ("teacher_id"))`);
    await queryRunner.query(`ALTER TABLE "known_run" ADD "session_count" integer NOT NULL DEFAULT '0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "known_run" DROP COLUMN "session_count"`);
    await queryRunner.query(`DROP TABLE "teacher"`);
    await queryRunner.query(`DROP TABLE "school"`);
    await queryRunner.query(`DROP TABLE "known_offer"`);
    await queryRunner.query(`DROP INDEX "enrolments"."IDX_notification_teacher"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "enrolments"."UQ_enrolment_active_teacher_run"`);
    await queryRunner.query(`DROP INDEX "enrolments"."UQ_enrolment_teacher_idempotency_key"`);
    await queryRunner.query(`DROP INDEX "enrolments"."IDX_enrolment_run_arrival"`);
    await queryRunner.query(`DROP INDEX "enrolments"."IDX_enrolment_school"`);
    await queryRunner.query(`DROP TABLE "enrolment"`);
    await queryRunner.query(`DROP TABLE "attendance"`);
  }
}
