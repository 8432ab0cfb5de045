/**
 * The programme's targets, as the ministry set them (seed 000, §4.1): 60,000 teachers in ten years from the start in
 * 2024, and EUR 159.6 million in two tranches, the second conditional on an interim evaluation.
 */
export const PARTICIPANT_TARGET = 60_000;

/** "By 2034": the end of the tenth school year of the programme (2033-2034). */
export const TARGET_DATE = '2034-07-31';

export interface Tranche {
  readonly code: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly amountCents: number;
  /** Granted only after the interim evaluation. */
  readonly conditional: boolean;
}

export const NATIONAL_BUDGET_CENTS = 15_960_000_000;

export const TRANCHES: readonly Tranche[] = [
  { code: '2025-2028', firstYear: 2025, lastYear: 2028, amountCents: 7_310_000_000, conditional: false },
  { code: '2029-2034', firstYear: 2029, lastYear: 2034, amountCents: 8_650_000_000, conditional: true },
];

/** The tranche an allocation is drawn from: the code it names, else the one whose years hold the budget year. */
export function trancheOf(year: number, trancheCode = ''): string | null {
  const named = TRANCHES.find((tranche) => tranche.code === trancheCode);
  if (named) return named.code;
  return TRANCHES.find((tranche) => year >= tranche.firstYear && year <= tranche.lastYear)?.code ?? null;
}

/**
 * The version of the rules behind every figure (suppression threshold and complement, school year, forecast method):
 * written into every answer and export, so a figure can be traced to how it was made. Raise it when a rule changes.
 */
export const MONITORING_RULES_VERSION = 'monitoring-rules-1';
