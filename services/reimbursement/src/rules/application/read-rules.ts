import type { DataSource } from 'typeorm';
import { hasRole, type Principal } from '@napl/auth';
import { decodeCursor, limitOf, pageOf, type Page, type PageQuery } from '@napl/service-kit';
import { ruleNotFound } from '../domain/rule.errors';
import { RuleVersionEntity } from '../infrastructure/rule-version.entity';
import { ruleViewOf, type RuleVersionView } from './rule-views';

/** Published versions are public to everyone signed in; drafts only the ministry and admins see. */
export function seesDrafts(principal: Principal): boolean {
  return hasRole(principal, 'ministry', 'admin');
}

/** The versions by number, newest last. */
export async function listRules(dataSource: DataSource, principal: Principal, query: PageQuery): Promise<Page<RuleVersionView>> {
  const limit = limitOf(query);
  const [after] = decodeCursor(query.cursor, ['integer']) ?? [];
  const builder = dataSource.getRepository(RuleVersionEntity).createQueryBuilder('rule').orderBy('rule.version', 'ASC').limit(limit + 1);
  if (after !== undefined) builder.andWhere('rule.version > :after', { after });
  if (!seesDrafts(principal)) builder.andWhere(`rule.status = 'published'`);
  const rows = await builder.getMany();
  return pageOf(rows, limit, (row) => [row.version], ruleViewOf);
}

/** A draft is, for anyone but the ministry and admins, as missing as a version that does not exist. */
export async function getRule(dataSource: DataSource, principal: Principal, version: number): Promise<RuleVersionView> {
  const row = await dataSource.getRepository(RuleVersionEntity).findOneBy({ version });
  if (!row || (row.status !== 'published' && !seesDrafts(principal))) throw ruleNotFound();
  return ruleViewOf(row);
}
