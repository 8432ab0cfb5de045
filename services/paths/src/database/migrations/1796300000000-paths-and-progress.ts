import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PathsAndProgress1796300000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "known_mark" ("mark_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "offer_version" integer NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bea4062280b71feedcede0c61a2" PRIMARY KEY ("mark_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_01c3e1cb5cc7f455450e6f58b6" ON "known_mark" ("offer_id") `);
    await queryRunner.query(`CREATE TABLE "known_offer_version" ("offer_id" uuid NOT NULL, "version" integer NOT NULL, "format" text, "study_load_hours" integer NOT NULL, "path_step_codes" text array NOT NULL, CONSTRAINT "PK_92d87a8d605d9d4e0dee5d81ae6" PRIMARY KEY ("offer_id", "version"))`);
    await queryRunner.query(`CREATE TABLE "known_offer" ("offer_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "version" integer NOT NULL, "title" text NOT NULL DEFAULT '', "sectors" text array NOT NULL, "format" text, "study_load_hours" integer NOT NULL, "path_step_codes" text array NOT NULL, "region_ids" text array NOT NULL, "status" text NOT NULL, "source_version" TIMESTAMP WITH TIME ZONE NOT NULL, "source_revision" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_e38c4b26906f0bd5ad5371dda74" PRIMARY KEY ("offer_id"))`);
    await queryRunner.query(`CREATE TABLE "known_run" ("run_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "enrolment_deadline" TIMESTAMP WITH TIME ZONE, "capacity" integer NOT NULL, "online" boolean NOT NULL, "status" text NOT NULL, "source_version" TIMESTAMP WITH TIME ZONE NOT NULL, "source_revision" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_9bee75bd6a095621c54077d6db8" PRIMARY KEY ("run_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_b39eda818cf1c6e31b37f3d5d4" ON "known_run" ("offer_id") `);
    await queryRunner.query(`CREATE TABLE "run_place" ("enrolment_id" uuid NOT NULL, "run_id" uuid NOT NULL, "holds_place" boolean NOT NULL, "cancelled" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_facca3b5652cdfbfd757a40dc28" PRIMARY KEY ("enrolment_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_34ba02864792929c66db4b7502" ON "run_place" ("run_id") `);
    await queryRunner.query(`CREATE TABLE "team_view_consent" ("teacher_id" text NOT NULL, "given_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_581703393d1cbf9f44cf3007a3d" PRIMARY KEY ("teacher_id"))`);
    await queryRunner.query(`CREATE TABLE "credited_completion" ("enrolment_id" uuid NOT NULL, "teacher_id" text NOT NULL, "offer_id" uuid NOT NULL, "offer_version" integer NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_907d5a9c6de7bc5d12f8ac52ad6" PRIMARY KEY ("enrolment_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_b428079f013ada9783b96f1302" ON "credited_completion" ("offer_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_dd676b372330779602a282e820" ON "credited_completion" ("teacher_id") `);
    await queryRunner.query(`CREATE TABLE "step_recognition" ("recognition_id" uuid NOT NULL, "teacher_path_id" uuid NOT NULL, "step_code" text NOT NULL, "evidence_reference" text NOT NULL, "reason" text NOT NULL, "recognised_by_role" text NOT NULL, "recognised_by" text NOT NULL, "recognised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" text, "withdrawal_reason" text, CONSTRAINT "PK_e7a04e6a85935539af486b051c3" PRIMARY KEY ("recognition_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_fa833185f391022718df384c31" ON "step_recognition" ("teacher_path_id", "step_code") `);
    await queryRunner.query(`CREATE TABLE "teacher_path" ("teacher_path_id" uuid NOT NULL, "teacher_id" text NOT NULL, "school_id" text, "sector" text NOT NULL, "path_id" uuid NOT NULL, "version" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_step_codes" text array NOT NULL DEFAULT '{}', "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d6e71344fa30d42f4ac6edcc7f3" PRIMARY KEY ("teacher_path_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5106e9386c32e2821c1f38ba83" ON "teacher_path" ("school_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_1bf96c5407a853a9d0240630fe" ON "teacher_path" ("teacher_id", "path_id") `);
    await queryRunner.query(`CREATE TABLE "path_version" ("path_id" uuid NOT NULL, "version" integer NOT NULL, "status" text NOT NULL, "content" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ea46fedf7905c24e0c0cae51c49" PRIMARY KEY ("path_id", "version"))`);
    await queryRunner.query(`CREATE TABLE "path" ("path_id" uuid NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ae4d82a709d6eb218f0dec8131c" UNIQUE ("code"), CONSTRAINT "PK_e79036f1e2a178b3855aafff7bf" PRIMARY KEY ("path_id"))`);
    await queryRunner.query(`CREATE TABLE "issued_credential" ("credential_id" uuid NOT NULL, "teacher_path_id" uuid NOT NULL, "step_code" text, "path_version" integer NOT NULL, "key_id" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_42e72cc780d7ea01cfc010f73e1" PRIMARY KEY ("credential_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_6513891383cdd7ddab9f55ffc7" ON "issued_credential" ("teacher_path_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "paths"."IDX_6513891383cdd7ddab9f55ffc7"`);
    await queryRunner.query(`DROP TABLE "issued_credential"`);
    await queryRunner.query(`DROP TABLE "path"`);
    await queryRunner.query(`DROP TABLE "path_version"`);
    await queryRunner.query(`DROP INDEX "paths"."IDX_1bf96c5407a853a9d0240630fe"`);
    await queryRunner.query(`DROP INDEX "paths"."IDX_5106e9386c32e2821c1f38ba83"`);
    await queryRunner.query(`DROP TABLE "teacher_path"`);
    await queryRunner.query(`DROP INDEX "paths"."IDX_fa833185f391022718df384c31"`);
    await queryRunner.query(`DROP TABLE "step_recognition"`);
    await queryRunner.query(`DROP INDEX "paths"."IDX_dd676b372330779602a282e820"`);
    await queryRunner.query(`DROP INDEX "paths"."IDX_b428079f013ada9783b96f1302"`);
    await queryRunner.query(`DROP TABLE "credited_completion"`);
    await queryRunner.query(`DROP TABLE "team_view_consent"`);
    await queryRunner.query(`DROP INDEX "paths"."IDX_34ba02864792929c66db4b7502"`);
    await queryRunner.query(`DROP TABLE "run_place"`);
    await queryRunner.query(`DROP INDEX "paths"."IDX_b39eda818cf1c6e31b37f3d5d4"`);
    await queryRunner.query(`DROP TABLE "known_run"`);
    await queryRunner.query(`DROP TABLE "known_offer"`);
    await queryRunner.query(`DROP TABLE "known_offer_version"`);
    await queryRunner.query(`DROP INDEX "paths"."IDX_01c3e1cb5cc7f455450e6f58b6"`);
    await queryRunner.query(`DROP TABLE "known_mark"`);
  }
}
