import type { Cents } from '../../shared/domain/money';
import { euros } from '../../shared/domain/money';
import { RegionError } from './region.errors';

/**
 * The ministry divides the national budget over the education regions per calendar year. Each year belongs to one
 * tranche (2025-2028 unconditional, 2029-2034 conditional on the interim evaluation); what is allocated from a tranche
 * over all regions and years never sums above the tranche, and a region's budget for a year never drops below what it
 * already committed or was paid for that year.
 */

/** An education region's id: lower-case words joined by hyphens, e.g. `utrecht-stad` (as tokens and events carry it). */
export const REGION_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const REGION_ID_MAX_LENGTH = 100;
/** BRIN (2 digits, 2 letters) plus a 2-digit location code, e.g. `12AB00`. */
export const SCHOOL_ID_PATTERN = /^\d{2}[A-Z]{2}\d{2}$/;
export const REGION_KINDS = ['area', 'national'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** Budget years the API takes at all; which of them can be allocated says the tranche. */
export const FIRST_BUDGET_YEAR = 2000;
export const LAST_BUDGET_YEAR = 2100;

export interface Tranche {
  readonly code: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly amountCents: Cents;
  readonly conditional: boolean;
  readonly releasedAt: Date | null;
}

/** The tranche whose years include `year`, or null. Tranches do not overlap. */
export function trancheOfYear<T extends Pick<Tranche, 'firstYear' | 'lastYear'>>(tranches: readonly T[], year: number): T | null {
  return tranches.find((tranche) => tranche.firstYear <= year && year <= tranche.lastYear) ?? null;
}

/** Whether money may be allocated from a tranche: unconditional, or released after the interim evaluation. */
export function isAvailable(tranche: Pick<Tranche, 'conditional' | 'releasedAt'>): boolean {
  return !tranche.conditional || tranche.releasedAt !== null;
}

export interface AllocationFacts {
  readonly year: number;
  /** The tranche covering the year, or null when none does. */
  readonly tranche: Tranche | null;
  /** What the other regions and years of the tranche already hold (this region's current amount for this year excluded). */
  readonly allocatedElsewhereCents: Cents;
  /** What the region committed or was paid (net of claw-backs) for this year: the floor of its budget. */
  readonly usedCents: Cents;
}

/** Refuses an allocation that breaks a rule above; silent when it may be stored. */
export function assertAllocationAllowed(amountCents: Cents, facts: AllocationFacts): Tranche {
  const { tranche } = facts;
  if (!tranche) {
    throw new RegionError('YEAR_OUTSIDE_TRANCHES', 'unprocessable', `Voor ${facts.year} is geen landelijk budget (geen tranche dekt dat jaar).`, { year: facts.year });
  }
  if (!isAvailable(tranche)) {
    throw new RegionError(
      'TRANCHE_NOT_RELEASED',
      'conflict',
      `De tranche ${tranche.code} is voorwaardelijk en nog niet vrijgegeven na de tussenevaluatie; er kan nog niets uit worden toegekend.`,
      { trancheCode: tranche.code },
    );
  }
  const leftCents = tranche.amountCents - facts.allocatedElsewhereCents;
  if (amountCents > leftCents) {
    throw new RegionError(
      'TRANCHE_EXCEEDED',
      'conflict',
      `Dit past niet in de tranche ${tranche.code}: er is nog ${euros(Math.max(leftCents, 0))} vrij voor deze regio en dit jaar.`,
      { trancheCode: tranche.code, leftCents: Math.max(leftCents, 0) },
    );
  }
  if (amountCents < facts.usedCents) {
    throw new RegionError(
      'BELOW_USED_BUDGET',
      'conflict',
      `De regio heeft voor ${facts.year} al ${euros(facts.usedCents)} vastgelegd of uitbetaald; het budget kan niet lager worden.`,
      { usedCents: facts.usedCents },
    );
  }
  return tranche;
}
