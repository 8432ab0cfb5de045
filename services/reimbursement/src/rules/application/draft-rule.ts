import type { DataSource } from 'typeorm';
import { inTransaction } from '@napl/persistence';
import { ruleNotFound, rulePublished } from '../domain/rule.errors';
import { RuleVersionEntity } from '../infrastructure/rule-version.entity';
import { columnsOf, ruleViewOf, type RuleContent, type RuleVersionView } from './rule-views';

/**
 * A new version as a draft, numbered after the newest. A draft may still have problems (shown with it); publishing
 * refuses it until it has none. Numbers are handed out one at a time (a transaction-scoped advisory lock).
 */
export async function createRuleDraft(dataSource: DataSource, content: RuleContent, note: string): Promise<RuleVersionView> {
  return inTransaction(dataSource, async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('reimbursement.rule_version'))`);
    const [{ next }] = await manager.query<{ next: number }[]>(`SELECT COALESCE(MAX(version), 0) + 1 AS next FROM rule_version`);
    const row = manager.create(RuleVersionEntity, { version: Number(next), status: 'draft', ...columnsOf(content, note), publishedAt: null });
    await manager.insert(RuleVersionEntity, row);
    return ruleViewOf((await manager.findOneBy(RuleVersionEntity, { version: row.version }))!);
  });
}

/** Replaces a draft's content; a published version never changes (409, and the database refuses it as well). */
export async function updateRuleDraft(dataSource: DataSource, version: number, content: RuleContent, note: string): Promise<RuleVersionView> {
  return inTransaction(dataSource, async (manager) => {
    const row = await manager.findOne(RuleVersionEntity, { where: { version }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw ruleNotFound();
    if (row.status !== 'draft') throw rulePublished(version);
    await manager.update(RuleVersionEntity, { version }, columnsOf(content, note));
    return ruleViewOf((await manager.findOneBy(RuleVersionEntity, { version }))!);
  });
}
