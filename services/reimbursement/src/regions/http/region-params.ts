import type { PipeTransform } from '@nestjs/common';
import { FIRST_BUDGET_YEAR, LAST_BUDGET_YEAR, REGION_ID_MAX_LENGTH, REGION_ID_PATTERN, SCHOOL_ID_PATTERN } from '../domain/budget';
import { RegionError, regionNotFound, schoolLocationNotFound, trancheNotFound } from '../domain/region.errors';

function isRegionId(value: string): boolean {
  return value.length <= REGION_ID_MAX_LENGTH && REGION_ID_PATTERN.test(value);
}

/** A region id that cannot be one names none: 404, as a missing region. */
export const regionIdPipe: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!isRegionId(value)) throw regionNotFound();
    return value;
  },
};

/** A school location id on PUT: BRIN (2 digits, 2 letters) plus 2-digit location code, else 400. */
export const newSchoolIdPipe: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!SCHOOL_ID_PATTERN.test(value)) {
      throw new RegionError('INVALID_SCHOOL_ID', 'invalid', 'Een schoolvestiging is een BRIN-code (2 cijfers, 2 hoofdletters) plus vestigingsnummer, bijvoorbeeld 12AB00.');
    }
    return value;
  },
};

export const schoolIdPipe: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!SCHOOL_ID_PATTERN.test(value)) throw schoolLocationNotFound();
    return value;
  },
};

/** A calendar year of four digits within the programme's reach; which years can be allocated says the tranche. */
export const yearPipe: PipeTransform<string, number> = {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= FIRST_BUDGET_YEAR && year <= LAST_BUDGET_YEAR)) {
      throw new RegionError('INVALID_YEAR', 'invalid', `Een begrotingsjaar is een kalenderjaar van vier cijfers tussen ${FIRST_BUDGET_YEAR} en ${LAST_BUDGET_YEAR}.`);
    }
    return year;
  },
};

/** Tranche codes are years, e.g. 2025-2028. */
export const trancheCodePipe: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!/^\d{4}-\d{4}$/.test(value)) throw trancheNotFound();
    return value;
  },
};
