import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the outbox relay needs to claim rows without holding locks while it sends, to count the tries of a message
 * Kafka refuses and park it, and what the retention clean-up needs to find old rows quickly. Each service has a
 * subclass (`OutboxDelivery1796100000000`) after its first migration (MessagingTablesMigration).
 * Adding a column with a constant default does not rewrite the table (Postgres 11+); the indexes are built in the
 * migration's transaction, which holds writes to these tables back while they are built.
 */
export abstract class OutboxDeliveryMigration implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "attempts" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "claimed_by" uuid`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "last_error" text`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "parked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "outbox_message_key_order_idx" ON "outbox_message" ("topic", "message_key", "position") WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_message_published_idx" ON "outbox_message" ("published_at") WHERE published_at IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "processed_event_processed_at_idx" ON "processed_event" ("processed_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "processed_event_processed_at_idx"`);
    await queryRunner.query(`DROP INDEX "outbox_message_published_idx"`);
    await queryRunner.query(`DROP INDEX "outbox_message_key_order_idx"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "parked_at"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "last_error"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "claimed_by"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "locked_until"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "attempts"`);
  }
}
