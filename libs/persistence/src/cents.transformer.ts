import type { ValueTransformer } from 'typeorm';

/** Money is bigint cents in Postgres; as a JS number it is exact up to 2^53 cents, far beyond any price. */
export const CENTS: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
