import type { Choice } from '../../ui/components';
import type { ClaimLine, ClaimStatus, ReasonCode, StatementItem, StatementStatus } from './region-data';

/** The service's codes in plain Dutch, for the region's pages. */

export const REASON_LABELS: Record<ReasonCode, string> = {
  ELIGIBLE: 'Komt in aanmerking',
  NO_RULE_IN_FORCE: 'Geen vergoedingsregeling van kracht',
  OFFER_NOT_APPROVED: 'Aanbod niet erkend',
  SCHOOL_OUTSIDE_REGION: 'School buiten de regio',
  ALREADY_REIMBURSED: 'Al vergoed of gedeclareerd',
  PARTICIPATION_NOT_ENOUGH: 'Deelname telt (nog) niet',
  CAP_REACHED: 'Maximum bereikt',
  BUDGET_EXHAUSTED: 'Budget op',
  NEEDS_REVIEW: 'Wacht op beoordeling door het ministerie',
};

export const REASON_CHOICES: readonly Choice[] = Object.entries(REASON_LABELS).map(([value, label]) => ({ value, label }));

export function isReasonCode(value: string): value is ReasonCode {
  return Object.prototype.hasOwnProperty.call(REASON_LABELS, value);
}

/** A reason code the service sends (also on a refused line), in Dutch; an unknown code as it is. */
export function reasonLabel(code: string | undefined): string {
  return code && isReasonCode(code) ? REASON_LABELS[code] : (code ?? 'Onbekende reden');
}

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  draft: 'Concept',
  submitted: 'Ingediend',
  approved: 'Goedgekeurd',
  'partly-approved': 'Deels goedgekeurd',
  rejected: 'Afgewezen',
};

export const LINE_STATE_LABELS: Record<ClaimLine['state'], string> = {
  draft: 'Concept',
  submitted: 'Ingediend, wacht op besluit',
  approved: 'Goedgekeurd',
  rejected: 'Afgewezen',
};

export const PAYMENT_STATE_LABELS: Record<ClaimLine['paymentState'], string> = {
  unpaid: 'Nog niet betaald',
  paid: 'Betaald',
  'awaiting-claw-back': 'Wordt teruggevorderd',
  'clawed-back': 'Teruggevorderd',
};

export const STATEMENT_STATUS_LABELS: Record<StatementStatus, string> = {
  open: 'Open',
  payable: 'Betaalbaar gesteld',
  paid: 'Betaald',
};

export const STATEMENT_ITEM_KIND_LABELS: Record<StatementItem['kind'], string> = {
  payment: 'Betaling',
  'claw-back': 'Terugvordering',
};

/** A quarter as people say it: 2027-Q1 → "1e kwartaal 2027". */
export function periodLabel(period: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  return match ? `${match[2]}e kwartaal ${match[1]}` : period;
}
