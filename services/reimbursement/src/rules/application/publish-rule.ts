import type { DataSource } from 'typeorm';
import { inTransaction } from '@napl/persistence';
import { redecideEnrolments } from '../../eligibility/application/redecide-enrolments';
import { problemsOf } from '../domain/reimbursement-rule';
import { RuleError, ruleNotFound, rulePublished } from '../domain/rule.errors';
import { RuleVersionEntity } from '../infrastructure/rule-version.entity';
import { ruleOf } from '../infrastructure/rule-version.mapper';
import { ruleViewOf, type RuleVersionView } from './rule-views';

/**
 * Publishes a draft: from then on it never changes, and enrolments on or after its start date are judged by it (until
 * a later version starts). Refused while it has problems (422), when a published version already starts that day
 * (409), and when it would change an outcome already decided under an earlier version (409): a start date in the past
 * is allowed only where no enrolment from that date on was judged under a rule yet. Enrolments that were judged without
 * any rule in force (NO_RULE_IN_FORCE) are exactly what the new version is for: they are judged again, in the same
 * transaction. Publications go one at a time (the advisory lock that numbers versions), so two versions cannot both
 * pass the checks for the same date.
 */
export async function publishRule(dataSource: DataSource, version: number): Promise<RuleVersionView> {
  return inTransaction(dataSource, async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('reimbursement.rule_version'))`);
    const row = await manager.findOne(RuleVersionEntity, { where: { version }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw ruleNotFound();
    if (row.status !== 'draft') throw rulePublished(version);
    const problems = problemsOf(ruleOf(row));
    if (problems.length > 0) {
      throw new RuleError('RULE_INVALID', 'unprocessable', `Versie ${version} kan nog niet worden gepubliceerd: ${problems.join(' ')}`, { problems });
    }
    const sameDay = await manager.findOneBy(RuleVersionEntity, { status: 'published', validFrom: row.validFrom });
    if (sameDay) {
      throw new RuleError('RULE_DATE_TAKEN', 'conflict', `Versie ${sameDay.version} geldt al vanaf ${row.validFrom}; kies een andere ingangsdatum.`, {
        publishedVersion: sameDay.version,
      });
    }
    // No judgement is stored between this check and the commit: a judge that is writing finishes first, one that
    // writes later waits for this commit. Publishing is rare; the judges wait for the time of one publication.
    await manager.query(`LOCK TABLE eligibility_outcome IN SHARE MODE`);
    const [decided] = await manager.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM eligibility_outcome WHERE enrolled_on >= $1 AND rule_version IS NOT NULL`,
      [row.validFrom],
    );
    if (Number(decided.count) > 0) {
      throw new RuleError(
        'RULE_RETROACTIVE',
        'conflict',
        `Vanaf ${row.validFrom} zijn al ${decided.count} inschrijvingen beoordeeld volgens een eerdere versie; die uitkomsten veranderen niet met terugwerkende kracht. Kies een ingangsdatum na de laatste beoordeelde inschrijving.`,
        { decidedEnrolments: Number(decided.count) },
      );
    }
    const publishedAt = new Date();
    await manager.update(RuleVersionEntity, { version }, { status: 'published', publishedAt });
    const enrolments = await manager.query<{ enrolment_id: string }[]>(`SELECT enrolment_id FROM enrolment_fact WHERE enrolled_on >= $1`, [row.validFrom]);
    await redecideEnrolments(
      manager,
      enrolments.map((enrolment) => enrolment.enrolment_id),
    );
    return ruleViewOf({ ...row, status: 'published', publishedAt });
  });
}
