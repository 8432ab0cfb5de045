import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The copies of catalogue runs and offers keep the catalogue's revision of the last applied event: a later event
 * applies only with a greater revision, not by the publisher's clock. Existing rows start at 0 (unknown): until an
 * event with a revision arrives, the event time orders them as before.
 */
export class AggregateRevisions1796100000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "known_run" ADD "source_revision" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "known_offer" ADD "source_revision" bigint NOT NULL DEFAULT '0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "known_offer" DROP COLUMN "source_revision"`);
    await queryRunner.query(`ALTER TABLE "known_run" DROP COLUMN "source_revision"`);
  }
}
