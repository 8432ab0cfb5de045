import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offers and runs count their events: `revision` goes up by one with every event published about the aggregate and
 * is carried in it, so consumers order their copies by it instead of by the publisher's clock. Existing rows start
 * at 0, so their next event carries 1 (events from before carried no revision: consumers order those by time).
 */
export class AggregateRevisions1796100000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offer" ADD "revision" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "run" ADD "revision" bigint NOT NULL DEFAULT '0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "run" DROP COLUMN "revision"`);
    await queryRunner.query(`ALTER TABLE "offer" DROP COLUMN "revision"`);
  }
}
