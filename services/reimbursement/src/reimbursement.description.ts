import type { ServiceDescription } from '@napl/service-kit';

export const REIMBURSEMENT_SERVICE: ServiceDescription = {
  service: 'reimbursement',
  title: 'NAPL tegemoetkoming',
  description: 'Regions, budgets, reimbursement rules, claims and an append-only ledger of commitments, payments and claw-backs.',
};
