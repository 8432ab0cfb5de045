import type { FormValues } from '../../http/form';
import type { FieldError } from '../../ui/components';
import type { Criterion } from './quality-api';

/** Empty rows the form offers below the existing criteria, to add new ones. */
export const EXTRA_ROWS = 2;

export const criterionFields = (row: number) => ({
  code: `code-${row}`,
  title: `titel-${row}`,
  description: `beschrijving-${row}`,
  evidence: `bewijs-${row}`,
  required: `verplicht-${row}`,
});

/** The form's values of a framework's criteria, one numbered row each (what the "new version" form starts from). */
export function valuesOfCriteria(criteria: readonly Criterion[]): FormValues {
  const values: FormValues = {};
  criteria.forEach((criterion, row) => {
    const fields = criterionFields(row);
    values[fields.code] = criterion.code;
    values[fields.title] = criterion.title;
    values[fields.description] = criterion.description;
    values[fields.evidence] = criterion.evidence;
    if (criterion.required) values[fields.required] = 'ja';
  });
  return values;
}

/**
 * A new framework version from the form: notes, and every row that is not left empty as a criterion (an emptied
 * row drops that criterion). A criterion needs a unique code (letters and digits), a title, a description and the
 * evidence asked for; the lengths are the quality service's (framework.controller.ts).
 */
export function readFramework(values: FormValues, rows: number): { framework?: { notes: string; criteria: Criterion[] }; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const criteria: Criterion[] = [];
  const notes = values.notes ?? '';
  if (!notes) errors.push({ field: 'notes', message: 'Beschrijf wat er in deze versie verandert' });
  else if (notes.length > 2000) errors.push({ field: 'notes', message: 'De toelichting heeft hoogstens 2000 tekens' });
  const seen = new Set<string>();
  for (let row = 0; row < rows; row++) {
    const fields = criterionFields(row);
    const code = (values[fields.code] ?? '').toUpperCase();
    const title = values[fields.title] ?? '';
    const description = values[fields.description] ?? '';
    const evidence = values[fields.evidence] ?? '';
    if (!code && !title && !description && !evidence) continue;
    const name = code || `rij ${row + 1}`;
    const before = errors.length;
    if (!code) errors.push({ field: fields.code, message: `Geef een code bij criterium ${row + 1}` });
    else if (!/^[A-Z0-9-]{1,20}$/.test(code)) errors.push({ field: fields.code, message: `De code ${code} mag alleen letters, cijfers en streepjes bevatten (hoogstens 20)` });
    else if (seen.has(code)) errors.push({ field: fields.code, message: `De code ${code} komt twee keer voor` });
    if (!title) errors.push({ field: fields.title, message: `Geef een titel bij ${name}` });
    else if (title.length > 200) errors.push({ field: fields.title, message: `De titel bij ${name} heeft hoogstens 200 tekens` });
    if (!description) errors.push({ field: fields.description, message: `Geef een beschrijving bij ${name}` });
    else if (description.length > 4000) errors.push({ field: fields.description, message: `De beschrijving bij ${name} heeft hoogstens 4000 tekens` });
    if (!evidence) errors.push({ field: fields.evidence, message: `Geef aan welk bewijs de aanbieder levert bij ${name}` });
    else if (evidence.length > 4000) errors.push({ field: fields.evidence, message: `Het bewijs bij ${name} heeft hoogstens 4000 tekens` });
    seen.add(code);
    if (errors.length === before) criteria.push({ code, title, description, evidence, required: values[fields.required] === 'ja' });
  }
  if (criteria.length === 0 && errors.length === 0) errors.push({ field: criterionFields(0).code, message: 'Het kader heeft minstens één criterium nodig' });
  if (criteria.length > 50) errors.push({ field: criterionFields(50).code, message: 'Het kader heeft hoogstens 50 criteria' });
  return errors.length > 0 ? { errors } : { framework: { notes, criteria }, errors };
}
