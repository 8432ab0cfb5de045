import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox, inbox and failure tables every service needs. A service's first migration extends this
 * class (TypeORM wants the timestamp in each migration's own class name). Unqualified names land in the
 * service's schema through its search_path.
 */
export abstract class MessagingTablesMigration implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("position" BIGSERIAL NOT NULL, "event_id" uuid NOT NULL, "topic" text NOT NULL, "message_key" text NOT NULL, "event_type" text NOT NULL, "payload" bytea NOT NULL, "headers" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_7f18a4003f825f44269f1693c31" UNIQUE ("event_id"), CONSTRAINT "PK_1b93e1f0016d1bccb91f7bf04bf" PRIMARY KEY ("position"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_message_unpublished_idx" ON "outbox_message" ("position") WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "processed_event" ("consumer_group" text NOT NULL, "event_id" uuid NOT NULL, "event_type" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8a98a72a0dcc9f99ceb874f2ab9" PRIMARY KEY ("consumer_group", "event_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "event_failure" ("consumer_group" text NOT NULL, "event_id" text NOT NULL, "topic" text NOT NULL, "attempts" integer NOT NULL, "last_error" text NOT NULL, "dead_lettered_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_e8a252da7e466ed031f01c889d2" PRIMARY KEY ("consumer_group", "event_id"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "event_failure"`);
    await queryRunner.query(`DROP TABLE "processed_event"`);
    await queryRunner.query(`DROP INDEX "outbox_message_unpublished_idx"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
  }
}
