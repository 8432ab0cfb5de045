import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReadModels1796500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "enrolment_fact" ("enrolment_id" text NOT NULL, "teacher_id" text NOT NULL, "offer_id" text NOT NULL, "sector" text, "region_id" text, "confirmed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "not_completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0235f57b11ca42465a6adf00d52" PRIMARY KEY ("enrolment_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_6db1628d64d346c3312b88c67c" ON "enrolment_fact" ("confirmed_at") `);
    await queryRunner.query(`CREATE TABLE "budget_allocation_fact" ("region_id" text NOT NULL, "year" integer NOT NULL, "allocated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "amount_cents" bigint NOT NULL, "tranche_code" text NOT NULL, CONSTRAINT "PK_82c0aed74fb0aa7f55078abe134" PRIMARY KEY ("region_id", "year", "allocated_at"))`);
    await queryRunner.query(`CREATE TABLE "eligibility_fact" ("enrolment_id" text NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "region_id" text NOT NULL, "eligible" boolean NOT NULL, "amount_cents" bigint NOT NULL, CONSTRAINT "PK_3610d35649dac2a8ba3e88fccd8" PRIMARY KEY ("enrolment_id", "decided_at"))`);
    await queryRunner.query(`CREATE TABLE "money_movement_fact" ("source_id" text NOT NULL, "kind" text NOT NULL, "year" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "region_id" text NOT NULL, "amount_cents" bigint NOT NULL, CONSTRAINT "PK_1aa5ba3b02d0a883b8c861691d9" PRIMARY KEY ("source_id", "kind", "year", "at"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0d1e5dda4964dd2089a74958e5" ON "money_movement_fact" ("region_id", "year") `);
    await queryRunner.query(`CREATE TABLE "offer_fact" ("offer_id" text NOT NULL, "format" text NOT NULL, "revision" bigint NOT NULL, "event_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_855a97be92cfe4893efea3dbe66" PRIMARY KEY ("offer_id"))`);
    await queryRunner.query(`CREATE TABLE "participant_fact" ("teacher_id" text NOT NULL, "started_on" date NOT NULL, "enrolment_id" text NOT NULL, "offer_id" text, "sector" text, "region_id" text, CONSTRAINT "PK_40320c6296fe76aaf7b37026129" PRIMARY KEY ("teacher_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e0c6721139a06772c7954fc3bb" ON "participant_fact" ("started_on") `);
    await queryRunner.query(`CREATE TABLE "path_fact" ("path_id" text NOT NULL, "path_code" text NOT NULL, "title" text NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_251c775defd31392243eb78c26b" PRIMARY KEY ("path_id"))`);
    await queryRunner.query(`CREATE TABLE "path_milestone_fact" ("teacher_path_id" text NOT NULL, "step_code" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed" boolean NOT NULL, CONSTRAINT "PK_1415ea1a920120bd01c9750d92e" PRIMARY KEY ("teacher_path_id", "step_code", "at", "completed"))`);
    await queryRunner.query(`CREATE TABLE "teacher_path_fact" ("teacher_path_id" text NOT NULL, "teacher_id" text NOT NULL, "path_id" text NOT NULL, "path_code" text NOT NULL, "sector" text, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a6a76dafea6e414515a6e7cc596" PRIMARY KEY ("teacher_path_id"))`);
    await queryRunner.query(`CREATE TABLE "assessment_decision_fact" ("assessment_id" text NOT NULL, "offer_id" text NOT NULL, "offer_version" integer NOT NULL, "approved" boolean NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_1e3338711f96d535d250e4f4de2" PRIMARY KEY ("assessment_id"))`);
    await queryRunner.query(`CREATE TABLE "mark_end_fact" ("mark_id" text NOT NULL, "kind" text NOT NULL, "offer_id" text NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4752f6636a9f536aaff7783e5fc" PRIMARY KEY ("mark_id", "kind"))`);
    await queryRunner.query(`CREATE TABLE "topic_freshness" ("topic" text NOT NULL, "read_up_to" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e3bf43419c6a6fc23a1ed60f06f" PRIMARY KEY ("topic"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "topic_freshness"`);
    await queryRunner.query(`DROP TABLE "mark_end_fact"`);
    await queryRunner.query(`DROP TABLE "assessment_decision_fact"`);
    await queryRunner.query(`DROP TABLE "teacher_path_fact"`);
    await queryRunner.query(`DROP TABLE "path_milestone_fact"`);
    await queryRunner.query(`DROP TABLE "path_fact"`);
    await queryRunner.query(`DROP INDEX "monitoring"."IDX_e0c6721139a06772c7954fc3bb"`);
    await queryRunner.query(`DROP TABLE "participant_fact"`);
    await queryRunner.query(`DROP TABLE "offer_fact"`);
    await queryRunner.query(`DROP INDEX "monitoring"."IDX_0d1e5dda4964dd2089a74958e5"`);
    await queryRunner.query(`DROP TABLE "money_movement_fact"`);
    await queryRunner.query(`DROP TABLE "eligibility_fact"`);
    await queryRunner.query(`DROP TABLE "budget_allocation_fact"`);
    await queryRunner.query(`DROP INDEX "monitoring"."IDX_6db1628d64d346c3312b88c67c"`);
    await queryRunner.query(`DROP TABLE "enrolment_fact"`);
  }
}
