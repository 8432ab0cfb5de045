import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GatewayCore1796600000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "api_token" ("token_id" uuid NOT NULL, "secret_hash" text NOT NULL, "hint" text NOT NULL, "provider_id" uuid NOT NULL, "name" text NOT NULL, "permissions" text array NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "rotated_from" uuid, "last_used_at" TIMESTAMP WITH TIME ZONE, "use_count" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_4ac51e85abf5d0ef26c42a2ce6f" PRIMARY KEY ("token_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_482a03313c765083f39c50f735" ON "api_token" ("secret_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_109c0066d02fb9bf1a153c81e6" ON "api_token" ("provider_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "audit_entry" ("entry_id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_subject" text, "actor_roles" text array NOT NULL, "provider_id" uuid, "via" text, "api_token_id" uuid, "method" text NOT NULL, "path" text NOT NULL, "service" text, "status" integer NOT NULL, "request_id" text NOT NULL, "duration_ms" integer NOT NULL, CONSTRAINT "PK_8f2c4972a408c5b1a56efc876fb" PRIMARY KEY ("entry_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_185cb46e8b85424e316fe97dfe" ON "audit_entry" ("actor_subject", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_fe625ae32539ad146938854ade" ON "audit_entry" ("at", "entry_id") `);
    await queryRunner.query(`CREATE TABLE "rate_limit_window" ("limit_key" text NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_2df46d6056fd01e5bcf9b646df0" PRIMARY KEY ("limit_key", "window_start"))`);
    await queryRunner.query(`CREATE INDEX "IDX_b41909dfa1b05ced3c1ea11a25" ON "rate_limit_window" ("window_start") `);
    await queryRunner.query(`CREATE TABLE "browser_session" ("session_hash" text NOT NULL, "subject" text NOT NULL, "principal" jsonb NOT NULL, "csrf_token" text NOT NULL, "id_token" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "absolute_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_61806a77a6a61cf2727179c449d" PRIMARY KEY ("session_hash"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ccb39a2fe847e8e1eb3ebe11e2" ON "browser_session" ("expires_at") `);
    await queryRunner.query(`CREATE TABLE "sign_in_attempt" ("state" text NOT NULL, "code_verifier" text NOT NULL, "nonce" text NOT NULL, "return_to" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_243d140f91124a045f1f446d8a4" PRIMARY KEY ("state"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_attempt"`);
    await queryRunner.query(`DROP INDEX "gateway"."IDX_ccb39a2fe847e8e1eb3ebe11e2"`);
    await queryRunner.query(`DROP TABLE "browser_session"`);
    await queryRunner.query(`DROP INDEX "gateway"."IDX_b41909dfa1b05ced3c1ea11a25"`);
    await queryRunner.query(`DROP TABLE "rate_limit_window"`);
    await queryRunner.query(`DROP INDEX "gateway"."IDX_fe625ae32539ad146938854ade"`);
    await queryRunner.query(`DROP INDEX "gateway"."IDX_185cb46e8b85424e316fe97dfe"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "gateway"."IDX_109c0066d02fb9bf1a153c81e6"`);
    await queryRunner.query(`DROP INDEX "gateway"."IDX_482a03313c765083f39c50f735"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
  }
}
