/** One criterion of the quality framework (kwaliteitskader). */
export interface Criterion {
  readonly code: string;
  readonly title: string;
  readonly description: string;
  /** What the provider must show (Dutch). */
  readonly evidence: string;
  /** A required criterion must be met for approval; a weighed one counts in the overall judgement. */
  readonly required: boolean;
}

export interface Framework {
  readonly version: number;
  readonly publishedAt: Date;
  readonly notes: string;
  readonly criteria: readonly Criterion[];
}

/** Why a proposed framework cannot be published; empty when it can (Dutch, for the ministry). */
export function frameworkProblems(criteria: readonly Criterion[]): string[] {
  const problems: string[] = [];
  if (criteria.length === 0) problems.push('Een kwaliteitskader heeft minstens één criterium.');
  const seen = new Set<string>();
  for (const criterion of criteria) {
    const code = criterion.code.trim().toUpperCase();
    if (seen.has(code)) problems.push(`De code ${criterion.code} komt meer dan eens voor.`);
    seen.add(code);
  }
  if (criteria.length > 0 && !criteria.some((criterion) => criterion.required)) {
    problems.push('Een kwaliteitskader heeft minstens één verplicht criterium.');
  }
  return problems;
}
