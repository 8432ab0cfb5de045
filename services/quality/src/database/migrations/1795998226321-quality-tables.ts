import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QualityTables1795998226321 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "assessment" ("id" uuid NOT NULL, "offer_id" uuid NOT NULL, "offer_version" integer NOT NULL, "provider_id" uuid NOT NULL, "offer_title" text NOT NULL, "kind" text NOT NULL, "framework_version" integer NOT NULL, "status" text NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "proposal" jsonb, "outcome" text, "summary" text, "conditions" jsonb NOT NULL DEFAULT '[]', "conditions_deadline" date, "decided_at" TIMESTAMP WITH TIME ZONE, "mark_id" uuid, CONSTRAINT "PK_c511a7dc128256876b6b1719401" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_assessment_status" ON "assessment" ("status", "opened_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_assessment_offer" ON "assessment" ("offer_id", "offer_version") `);
    await queryRunner.query(`CREATE TABLE "criterion_score" ("assessment_id" uuid NOT NULL, "criterion_code" text NOT NULL, "met" boolean NOT NULL, "score" smallint, "justification" text NOT NULL, "scored_by" text NOT NULL, "scored_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_be547fda2527a095ab10daf47d2" PRIMARY KEY ("assessment_id", "criterion_code"))`);
    await queryRunner.query(`CREATE TABLE "assessor_link" ("assessor_subject" text NOT NULL, "provider_id" uuid NOT NULL, "description" text NOT NULL, "registered_by" text NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e08af61d4eda9da1d973d55fb58" PRIMARY KEY ("assessor_subject", "provider_id"))`);
    await queryRunner.query(`CREATE TABLE "evaluation_invitation" ("enrolment_id" uuid NOT NULL, "teacher_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "offer_version" integer NOT NULL, "provider_id" uuid, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5bf47b7079f83ff0292eff04b21" PRIMARY KEY ("enrolment_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_evaluation_invitation_teacher" ON "evaluation_invitation" ("teacher_id") `);
    await queryRunner.query(`CREATE TABLE "evaluation" ("enrolment_id" uuid NOT NULL, "teacher_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "offer_version" integer NOT NULL, "provider_id" uuid, "relevance" smallint NOT NULL, "teaching_effect" smallint NOT NULL, "trainer_quality" smallint NOT NULL, "would_recommend" smallint NOT NULL, "comment" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ba65db93463fa4d8862cba42975" PRIMARY KEY ("enrolment_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_evaluation_offer" ON "evaluation" ("offer_id", "submitted_at") `);
    await queryRunner.query(`CREATE TABLE "offer_evaluation_state" ("offer_id" uuid NOT NULL, "counted_from" TIMESTAMP WITH TIME ZONE NOT NULL, "reassessment_required_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c54535ad10de0bcfdbcf79bd80d" PRIMARY KEY ("offer_id"))`);
    await queryRunner.query(`CREATE TABLE "framework_version" ("version" integer NOT NULL, "notes" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by" text NOT NULL, CONSTRAINT "PK_308b2d9ce991693877369eeb785" PRIMARY KEY ("version"))`);
    await queryRunner.query(`CREATE TABLE "framework_criterion" ("framework_version" integer NOT NULL, "code" text NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "evidence" text NOT NULL, "required" boolean NOT NULL, CONSTRAINT "PK_41dfcad80a3240bebe4594b9d8b" PRIMARY KEY ("framework_version", "code"))`);
    await queryRunner.query(`CREATE TABLE "history_entry" ("id" uuid NOT NULL, "offer_id" uuid, "subject_type" text NOT NULL, "subject_id" text NOT NULL, "action" text NOT NULL, "actor" text NOT NULL, "reason" text, "details" jsonb NOT NULL DEFAULT '{}', "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_b65bd95b0d2929668589d57b97a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_history_entry_subject" ON "history_entry" ("subject_type", "subject_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_history_entry_offer" ON "history_entry" ("offer_id", "recorded_at") `);
    await queryRunner.query(`CREATE TABLE "quality_mark" ("id" uuid NOT NULL, "assessment_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "offer_version" integer NOT NULL, "provider_id" uuid NOT NULL, "framework_version" integer NOT NULL, "status" text NOT NULL, "conditions" jsonb NOT NULL DEFAULT '[]', "conditions_deadline" date, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" text, CONSTRAINT "PK_061643308cb8d561cd0414e06b7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_quality_mark_offer" ON "quality_mark" ("offer_id", "offer_version") `);
    await queryRunner.query(`CREATE INDEX "IDX_quality_mark_due" ON "quality_mark" ("status", "valid_until") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "quality"."IDX_quality_mark_due"`);
    await queryRunner.query(`DROP INDEX "quality"."IDX_quality_mark_offer"`);
    await queryRunner.query(`DROP TABLE "quality_mark"`);
    await queryRunner.query(`DROP INDEX "quality"."IDX_history_entry_offer"`);
    await queryRunner.query(`DROP INDEX "quality"."IDX_history_entry_subject"`);
    await queryRunner.query(`DROP TABLE "history_entry"`);
    await queryRunner.query(`DROP TABLE "framework_criterion"`);
    await queryRunner.query(`DROP TABLE "framework_version"`);
    await queryRunner.query(`DROP TABLE "offer_evaluation_state"`);
    await queryRunner.query(`DROP INDEX "quality"."IDX_evaluation_offer"`);
    await queryRunner.query(`DROP TABLE "evaluation"`);
    await queryRunner.query(`DROP INDEX "quality"."IDX_evaluation_invitation_teacher"`);
    await queryRunner.query(`DROP TABLE "evaluation_invitation"`);
    await queryRunner.query(`DROP TABLE "assessor_link"`);
    await queryRunner.query(`DROP TABLE "criterion_score"`);
    await queryRunner.query(`DROP INDEX "quality"."IDX_assessment_offer"`);
    await queryRunner.query(`DROP INDEX "quality"."IDX_assessment_status"`);
    await queryRunner.query(`DROP TABLE "assessment"`);
  }
}
