import type { MigrationInterface, QueryRunner } from 'typeorm';

/** History is evidence: the database itself refuses to change or delete an entry. */
export class HistoryAppendOnly1795998226500 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "history_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'history_entry is append-only'; END $$`);
    await queryRunner.query(`CREATE TRIGGER "history_entry_append_only" BEFORE UPDATE OR DELETE ON "history_entry"
      FOR EACH ROW EXECUTE FUNCTION "history_entry_append_only"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "history_entry_append_only" ON "history_entry"`);
    await queryRunner.query(`DROP FUNCTION "history_entry_append_only"()`);
  }
}
