import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegionsRulesClaimsLedger1796400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "claim_amendment" ("amendment_id" uuid NOT NULL, "claim_id" uuid NOT NULL, "note" text NOT NULL, "changes" jsonb NOT NULL, "amended_by" text NOT NULL, "amended_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_934f3a54eca5cd5008fe50ed9f4" PRIMARY KEY ("amendment_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_608b8fe0f5641da8734676685e" ON "claim_amendment" ("claim_id", "amended_at") `);
    await queryRunner.query(`CREATE TABLE "claim_line" ("claim_id" uuid NOT NULL, "line_no" integer NOT NULL, "enrolment_id" uuid NOT NULL, "amount_cents" bigint NOT NULL, "budget_year" integer NOT NULL, "rule_version" integer NOT NULL, "state" text NOT NULL, "decision_reason" text, "payment_state" text NOT NULL DEFAULT 'unpaid', CONSTRAINT "PK_52a0cf37069174785ba36de1a2d" PRIMARY KEY ("claim_id", "line_no"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ddf8e2cd714144ea9ba322775b" ON "claim_line" ("enrolment_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "claim_line_claimed_once" ON "claim_line" ("enrolment_id") WHERE state IN ('submitted', 'approved')`);
    await queryRunner.query(`CREATE TABLE "claim" ("claim_id" uuid NOT NULL, "region_id" text NOT NULL, "status" text NOT NULL, "reference" text NOT NULL DEFAULT '', "line_count" integer NOT NULL DEFAULT '0', "total_cents" bigint NOT NULL DEFAULT '0', "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" text, "decision_note" text, CONSTRAINT "PK_197314cb3b86f25abee280469ff" PRIMARY KEY ("claim_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9901a628d659ff2c6df4e87fac" ON "claim" ("status", "submitted_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_bb2de2f452084405d09a524b19" ON "claim" ("region_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "declared_costs" ("enrolment_id" uuid NOT NULL, "materials_cents" bigint NOT NULL DEFAULT '0', "study_leave_cents" bigint NOT NULL DEFAULT '0', "substitute_cover_cents" bigint NOT NULL DEFAULT '0', "declared_by" text NOT NULL, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_236f05eff1ff2fc8811912b78ee" PRIMARY KEY ("enrolment_id"))`);
    await queryRunner.query(`CREATE TABLE "eligibility_outcome" ("enrolment_id" uuid NOT NULL, "region_id" text, "school_id" text, "offer_id" uuid NOT NULL, "reason" text NOT NULL, "eligible" boolean NOT NULL, "amount_cents" bigint NOT NULL, "rule_version" integer, "enrolled_on" date, "budget_year" integer, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_634730c89bf2162e758c1c3136c" PRIMARY KEY ("enrolment_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c0af1d4af00cd93b93d115cd49" ON "eligibility_outcome" ("region_id", "reason") `);
    await queryRunner.query(`CREATE TABLE "enrolment_fact" ("enrolment_id" uuid NOT NULL, "teacher_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "run_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "school_id" text, "sector" text NOT NULL DEFAULT '', "price_cents" bigint NOT NULL DEFAULT '0', "status" text NOT NULL, "enrolled_on" date, "started" boolean NOT NULL DEFAULT false, "sessions_attended" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0235f57b11ca42465a6adf00d52" PRIMARY KEY ("enrolment_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_631bb2c6ebde2482467098fa41" ON "enrolment_fact" ("offer_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f56a4698927b36b50b73fb7bad" ON "enrolment_fact" ("teacher_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b5a82ce5a62f4911a90912e52c" ON "enrolment_fact" ("school_id") `);
    await queryRunner.query(`CREATE TABLE "known_mark" ("mark_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "offer_version" integer NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bea4062280b71feedcede0c61a2" PRIMARY KEY ("mark_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_01c3e1cb5cc7f455450e6f58b6" ON "known_mark" ("offer_id") `);
    await queryRunner.query(`CREATE TABLE "known_run" ("run_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "session_count" integer NOT NULL, "source_revision" bigint NOT NULL DEFAULT '0', "source_version" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9bee75bd6a095621c54077d6db8" PRIMARY KEY ("run_id"))`);
    await queryRunner.query(`CREATE TABLE "review_case" ("enrolment_id" uuid NOT NULL, "status" text NOT NULL, "region_id" text, "amount_cents" bigint NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" text, "note" text, CONSTRAINT "PK_65136bde09b8334b3ae0a8c481c" PRIMARY KEY ("enrolment_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_1a9b1c66252a15355b11e92ad9" ON "review_case" ("status", "opened_at") `);
    await queryRunner.query(`CREATE TABLE "ledger_entry" ("entry_id" BIGSERIAL NOT NULL, "region_id" text NOT NULL, "budget_year" integer NOT NULL, "kind" text NOT NULL, "amount_cents" bigint NOT NULL, "claim_id" uuid, "line_no" integer, "statement_id" uuid, "enrolment_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ledger_entry_kind" CHECK (kind IN ('commitment', 'commitment-release', 'payment', 'claw-back')), CONSTRAINT "ledger_entry_amount_positive" CHECK (amount_cents > 0), CONSTRAINT "PK_78eee9e54306354c4f10c8fe266" PRIMARY KEY ("entry_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_fac216cdf66ceaf84672d1513d" ON "ledger_entry" ("claim_id", "line_no") `);
    await queryRunner.query(`CREATE INDEX "IDX_9a6f7d77440e57e26bc1043892" ON "ledger_entry" ("region_id", "budget_year") `);
    await queryRunner.query(`CREATE TABLE "budget_allocation" ("region_id" text NOT NULL, "year" integer NOT NULL, "amount_cents" bigint NOT NULL, "tranche_code" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_caa2e9e55a9eecc63a7bc39cd2d" PRIMARY KEY ("region_id", "year"))`);
    await queryRunner.query(`CREATE TABLE "budget_tranche" ("code" text NOT NULL, "first_year" integer NOT NULL, "last_year" integer NOT NULL, "amount_cents" bigint NOT NULL, "conditional" boolean NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE, "release_note" text, CONSTRAINT "PK_b10c79d8c75cc6dafaecc4ff413" PRIMARY KEY ("code"))`);
    await queryRunner.query(`CREATE TABLE "region" ("region_id" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "lead_applicant" text NOT NULL DEFAULT '', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_54bf2818af7cc627f2f81f091a6" PRIMARY KEY ("region_id"))`);
    await queryRunner.query(`CREATE TABLE "school_location" ("school_id" text NOT NULL, "region_id" text NOT NULL, "name" text NOT NULL DEFAULT '', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_be0b3000de31a7652315da6cfc7" PRIMARY KEY ("school_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_6b9aa7456883d99d250dc59b16" ON "school_location" ("region_id") `);
    await queryRunner.query(`CREATE TABLE "rule_version" ("version" integer NOT NULL, "status" text NOT NULL, "valid_from" date NOT NULL, "cost_types" text array NOT NULL, "percentage_basis_points" integer NOT NULL, "max_per_offer_cents" bigint NOT NULL, "max_per_school_year_cents" bigint NOT NULL, "participation_kind" text NOT NULL, "minimum_attendance_percent" integer, "review_above_cents" bigint, "note" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f2a09b0d9f9244cd0dd3d736c38" PRIMARY KEY ("version"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "rule_version_published_valid_from" ON "rule_version" ("valid_from") WHERE status = 'published'`);
    await queryRunner.query(`CREATE TABLE "statement_item" ("item_id" BIGSERIAL NOT NULL, "statement_id" uuid NOT NULL, "kind" text NOT NULL, "claim_id" uuid NOT NULL, "line_no" integer NOT NULL, "enrolment_id" uuid NOT NULL, "budget_year" integer NOT NULL, "amount_cents" bigint NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c9e0b4454d872fe78ced4c5b6c1" PRIMARY KEY ("item_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_085640d130a56144b6584bf9b1" ON "statement_item" ("claim_id", "line_no") `);
    await queryRunner.query(`CREATE INDEX "IDX_03f5302e85c7f348e6bc8bbc0e" ON "statement_item" ("statement_id") `);
    await queryRunner.query(`CREATE TABLE "statement" ("statement_id" uuid NOT NULL, "region_id" text NOT NULL, "period" text NOT NULL, "deadline" date NOT NULL, "status" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "payable_at" TIMESTAMP WITH TIME ZONE, "paid_at" TIMESTAMP WITH TIME ZONE, "payment_reference" text, CONSTRAINT "PK_a1277d3a626ae69ec4d2fbc73df" PRIMARY KEY ("statement_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3a07f1689aedc8ddc8ea1f47f8" ON "statement" ("status", "deadline") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fee3b213edec9791538770a21e" ON "statement" ("region_id", "period") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_fee3b213edec9791538770a21e"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_3a07f1689aedc8ddc8ea1f47f8"`);
    await queryRunner.query(`DROP TABLE "statement"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_03f5302e85c7f348e6bc8bbc0e"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_085640d130a56144b6584bf9b1"`);
    await queryRunner.query(`DROP TABLE "statement_item"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."rule_version_published_valid_from"`);
    await queryRunner.query(`DROP TABLE "rule_version"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_6b9aa7456883d99d250dc59b16"`);
    await queryRunner.query(`DROP TABLE "school_location"`);
    await queryRunner.query(`DROP TABLE "region"`);
    await queryRunner.query(`DROP TABLE "budget_tranche"`);
    await queryRunner.query(`DROP TABLE "budget_allocation"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_9a6f7d77440e57e26bc1043892"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_fac216cdf66ceaf84672d1513d"`);
    await queryRunner.query(`DROP TABLE "ledger_entry"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_1a9b1c66252a15355b11e92ad9"`);
    await queryRunner.query(`DROP TABLE "review_case"`);
    await queryRunner.query(`DROP TABLE "known_run"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_01c3e1cb5cc7f455450e6f58b6"`);
    await queryRunner.query(`DROP TABLE "known_mark"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_b5a82ce5a62f4911a90912e52c"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_f56a4698927b36b50b73fb7bad"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_631bb2c6ebde2482467098fa41"`);
    await queryRunner.query(`DROP TABLE "enrolment_fact"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_c0af1d4af00cd93b93d115cd49"`);
    await queryRunner.query(`DROP TABLE "eligibility_outcome"`);
    await queryRunner.query(`DROP TABLE "declared_costs"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_bb2de2f452084405d09a524b19"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_9901a628d659ff2c6df4e87fac"`);
    await queryRunner.query(`DROP TABLE "claim"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."claim_line_claimed_once"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_ddf8e2cd714144ea9ba322775b"`);
    await queryRunner.query(`DROP TABLE "claim_line"`);
    await queryRunner.query(`DROP INDEX "reimbursement"."IDX_608b8fe0f5641da8734676685e"`);
    await queryRunner.query(`DROP TABLE "claim_amendment"`);
  }
}
