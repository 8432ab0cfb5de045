import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History reads back a page at a time, ordered by time and then by the order of writing: the entries of one
 * transaction share their time. Existing entries are numbered in their current (insertion) order.
 */
export class HistoryOrder1796200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "history_entry" ADD "seq" BIGSERIAL NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "history_entry" DROP COLUMN "seq"`);
  }
}
