import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The idempotency_key table of IdempotencyKeyEntity. A service adds a migration that extends this class
 * (TypeORM wants the timestamp in each migration's own class name), like MessagingTablesMigration.
 */
export abstract class IdempotencyKeysMigration implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" ("principal" text NOT NULL, "idempotency_key" text NOT NULL, "request_hash" text NOT NULL, "status_code" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6f15feb6771c0ac7635dfe5f63c" PRIMARY KEY ("principal", "idempotency_key"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
