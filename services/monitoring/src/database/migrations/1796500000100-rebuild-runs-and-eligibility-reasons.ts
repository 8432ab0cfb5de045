import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RebuildRunsAndEligibilityReasons1796500000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "rebuild_run" ("run_id" uuid NOT NULL, "status" text NOT NULL, "phase" text NOT NULL, "requested_by" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "events_applied" bigint NOT NULL DEFAULT '0', "progress" jsonb NOT NULL DEFAULT '[]', "error" text, CONSTRAINT "PK_fcd9d7645d4ad2dfdedc753c236" PRIMARY KEY ("run_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "rebuild_run_one_running_idx" ON "rebuild_run" ("status") WHERE status = 'running'`);
    await queryRunner.query(`ALTER TABLE "eligibility_fact" ADD "reason" text NOT NULL DEFAULT 'unspecified'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "eligibility_fact" DROP COLUMN "reason"`);
    await queryRunner.query(`DROP INDEX "monitoring"."rebuild_run_one_running_idx"`);
    await queryRunner.query(`DROP TABLE "rebuild_run"`);
  }
}
