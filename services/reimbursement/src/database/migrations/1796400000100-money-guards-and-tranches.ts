import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the database itself guarantees about money, whatever the code above it does:
 * - the ledger is append-only: UPDATE, DELETE and TRUNCATE are refused;
 * - no insert into the ledger leaves a region's balance for a year below zero (allocated − committed − net paid),
 *   checked once per statement over the (region, year) pairs it touched;
 * - the items of a statement that is no longer open are never added, changed or removed, and a paid statement never
 *   changes;
 * - a published rule version is never edited or deleted.
 * Plus the national budget's two tranches (letters to parliament): EUR 73.1 million for 2025-2028 and EUR 86.5
 * million for 2029-2034, the second conditional on the interim evaluation. Errors use SQLSTATE 23514
 * (check_violation) so that the services map them to a 409 like any other refused constraint.
 */
export class MoneyGuardsAndTranches1796400000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION ledger_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entry_append_only';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry FOR EACH ROW EXECUTE FUNCTION ledger_entry_refuse_change()`);
    await queryRunner.query(`CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_refuse_change()`);

    await queryRunner.query(`
      CREATE FUNCTION ledger_entry_balance_check() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      DECLARE
        overdrawn record;
      BEGIN
        SELECT touched.region_id, touched.budget_year INTO overdrawn
          FROM (SELECT DISTINCT region_id, budget_year FROM inserted) touched
          LEFT JOIN budget_allocation allocation ON allocation.region_id = touched.region_id AND allocation.year = touched.budget_year
         WHERE COALESCE(allocation.amount_cents, 0) < (
                 SELECT COALESCE(SUM(CASE entry.kind WHEN 'commitment' THEN entry.amount_cents
                                                     WHEN 'commitment-release' THEN -entry.amount_cents
                                                     WHEN 'claw-back' THEN -entry.amount_cents
                                                     ELSE 0 END), 0)
                   FROM ledger_entry entry
                  WHERE entry.region_id = touched.region_id AND entry.budget_year = touched.budget_year)
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'budget of region % for % would be exceeded', overdrawn.region_id, overdrawn.budget_year
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entry_within_budget';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER ledger_entry_within_budget AFTER INSERT ON ledger_entry REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_balance_check()`,
    );

    await queryRunner.query(`
      CREATE FUNCTION statement_item_refuse_when_closed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      DECLARE
        closed text;
      BEGIN
        SELECT status INTO closed FROM statement
         WHERE statement_id IN (COALESCE(NEW.statement_id, OLD.statement_id), COALESCE(OLD.statement_id, NEW.statement_id)) AND status <> 'open'
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'statement is % and can no longer be edited', closed USING ERRCODE = 'check_violation', CONSTRAINT = 'statement_item_only_while_open';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER statement_item_only_while_open BEFORE INSERT OR UPDATE OR DELETE ON statement_item FOR EACH ROW EXECUTE FUNCTION statement_item_refuse_when_closed()`,
    );
    await queryRunner.query(`
      CREATE FUNCTION statement_refuse_change_when_paid() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'paid' OR (OLD.status = 'payable' AND NEW.status NOT IN ('payable', 'paid')) OR TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'statement % is % and can no longer be changed', OLD.statement_id, OLD.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'statement_never_reopened';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER statement_never_reopened BEFORE UPDATE OR DELETE ON statement FOR EACH ROW EXECUTE FUNCTION statement_refuse_change_when_paid()`,
    );

    await queryRunner.query(`
      CREATE FUNCTION rule_version_refuse_change_when_published() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'rule version % is published and never changes', OLD.version
            USING ERRCODE = 'check_violation', CONSTRAINT = 'rule_version_published_is_fixed';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER rule_version_published_is_fixed BEFORE UPDATE OR DELETE ON rule_version FOR EACH ROW EXECUTE FUNCTION rule_version_refuse_change_when_published()`,
    );

    await queryRunner.query(
      `INSERT INTO budget_tranche (code, first_year, last_year, amount_cents, conditional, released_at, release_note) VALUES
         ('2025-2028', 2025, 2028, 7310000000, false, NULL, NULL),
         ('2029-2034', 2029, 2034, 8650000000, true, NULL, NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM budget_tranche WHERE code IN ('2025-2028', '2029-2034')`);
    await queryRunner.query(`DROP TRIGGER rule_version_published_is_fixed ON rule_version`);
    await queryRunner.query(`DROP FUNCTION rule_version_refuse_change_when_published()`);
    await queryRunner.query(`DROP TRIGGER statement_never_reopened ON statement`);
    await queryRunner.query(`DROP FUNCTION statement_refuse_change_when_paid()`);
    await queryRunner.query(`DROP TRIGGER statement_item_only_while_open ON statement_item`);
    await queryRunner.query(`DROP FUNCTION statement_item_refuse_when_closed()`);
    await queryRunner.query(`DROP TRIGGER ledger_entry_within_budget ON ledger_entry`);
    await queryRunner.query(`DROP FUNCTION ledger_entry_balance_check()`);
    await queryRunner.query(`DROP TRIGGER ledger_entry_no_truncate ON ledger_entry`);
    await queryRunner.query(`DROP TRIGGER ledger_entry_append_only ON ledger_entry`);
    await queryRunner.query(`DROP FUNCTION ledger_entry_refuse_change()`);
  }
}
