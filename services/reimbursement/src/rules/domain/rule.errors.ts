import { DomainError, type ErrorKind } from '@napl/domain';

export type RuleErrorCode = 'RULE_NOT_FOUND' | 'RULE_PUBLISHED' | 'RULE_INVALID' | 'RULE_DATE_TAKEN' | 'RULE_RETROACTIVE';

/** A rule of the reimbursement rule versions said no; the message is Dutch and shown to the user. */
export class RuleError extends DomainError<RuleErrorCode> {
  constructor(code: RuleErrorCode, kind: ErrorKind, message: string, details?: Record<string, unknown>) {
    super(code, kind, message, details);
  }
}

export const ruleNotFound = () => new RuleError('RULE_NOT_FOUND', 'not-found', 'Deze versie van de vergoedingsregeling bestaat niet.');
export const rulePublished = (version: number) =>
  new RuleError('RULE_PUBLISHED', 'conflict', `Versie ${version} is gepubliceerd en verandert nooit meer; maak een nieuwe versie met een eigen ingangsdatum.`, { version });
