import type { FieldError } from '../ui/components';
import type { Problem } from '../application/portal-api';

/** A posted HTML form: each field's text (the first, when a name repeats), trimmed; `_csrf` left out. */
export type FormValues = Record<string, string>;

export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== 'object' || body === null) return values;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === '_csrf') continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[name] = first.trim();
  }
  return values;
}

/** Every value of a field that may repeat (checkboxes). */
export function formList(body: unknown, name: string): string[] {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === 'string' && item.length > 0);
}

/**
 * A service's refusal as the form's errors: each invalid field next to its field (the API's field names are the
 * form's, or `fieldNames` maps them), anything else as one error on `fallbackField`.
 */
export function errorsOfProblem(problem: Problem, fallbackField: string, fieldNames: Record<string, string> = {}): FieldError[] {
  const fieldErrors = (problem.errors ?? []).map((error) => ({
    field: fieldNames[error.field] ?? error.field,
    message: `${labelOf(error.field)} ${error.messages.join(', ')}`.trim(),
  }));
  if (fieldErrors.length > 0) return fieldErrors;
  return [{ field: fallbackField, message: problem.detail ?? problem.title ?? 'Dit kon niet worden verwerkt.' }];
}

function labelOf(field: string): string {
  return `Het veld ‘${field}’`;
}

/** A required text field left empty. */
export function requireFields(values: FormValues, fields: Record<string, string>): FieldError[] {
  return Object.entries(fields)
    .filter(([name]) => !values[name])
    .map(([name, message]) => ({ field: name, message }));
}
