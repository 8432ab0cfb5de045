import type { Problem } from '../../application/portal-api';
import type { FormValues } from '../../http/form';
import type { FieldError } from '../../ui/components';
import { COMPETENCE_LABELS, SECTOR_LABELS, type CompetenceArea, type PathContent, type PathStep, type Sector } from './paths-api';

/** The paths service's rules for codes and texts (path.dto.ts), checked here first for Dutch messages by the field. */
const PATH_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
const STEP_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const titleOk = (text: string) => text.length >= 3 && text.length <= 200;

/** One step from the form: a code, a title, at least one competence area and one learning outcome, and the hours that complete it. */
export function readStep(values: FormValues, competenceAreas: readonly string[]): { step?: PathStep; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const code = values.stepCode ?? '';
  const title = values.stepTitle ?? '';
  const outcomes = linesOf(values.learningOutcomes);
  const hours = values.minimumHours ?? '';
  const areas = competenceAreas.filter((area): area is CompetenceArea => area in COMPETENCE_LABELS);
  if (!code) errors.push({ field: 'stepCode', message: 'Geef de code van de stap, bijvoorbeeld SV-4' });
  else if (!STEP_CODE.test(code)) errors.push({ field: 'stepCode', message: 'De code van de stap mag alleen letters, cijfers, punten, - en _ bevatten (hoogstens 64)' });
  if (!title) errors.push({ field: 'stepTitle', message: 'Geef de titel van de stap' });
  else if (!titleOk(title)) errors.push({ field: 'stepTitle', message: 'De titel van de stap heeft 3 tot 200 tekens' });
  if (areas.length === 0) errors.push({ field: 'competenceAreas', message: 'Kies minstens één competentiegebied' });
  if (outcomes.length === 0) errors.push({ field: 'learningOutcomes', message: 'Noem minstens één leerresultaat' });
  else if (outcomes.length > 20) errors.push({ field: 'learningOutcomes', message: 'Noem hoogstens 20 leerresultaten' });
  else if (outcomes.some((outcome) => outcome.length < 3 || outcome.length > 500)) {
    errors.push({ field: 'learningOutcomes', message: 'Elk leerresultaat heeft 3 tot 500 tekens' });
  }
  // The service wants each step to say what completes it; the form offers the hours (formats are not on this form).
  if (!hours) errors.push({ field: 'minimumHours', message: 'Geef het minimale aantal uren van de stap' });
  else if (!/^\d{1,4}$/.test(hours) || Number(hours) < 1 || Number(hours) > 2000) {
    errors.push({ field: 'minimumHours', message: 'Geef het minimale aantal uren als een heel getal van 1 tot en met 2000' });
  }
  if (errors.length > 0) return { errors };
  return { step: { code, title, competenceAreas: areas, learningOutcomes: outcomes, requirement: { minimumHours: Number(hours) } }, errors };
}

/** A new path: a code, a title, the sectors, its first phase and that phase's first step. */
export function readNewPath(
  values: FormValues,
  sectors: readonly string[],
  competenceAreas: readonly string[],
): { path?: { code: string; title: string; description?: string; content: PathContent }; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const code = values.code ?? '';
  const title = values.title ?? '';
  const chosen = sectors.filter((sector): sector is Sector => sector in SECTOR_LABELS);
  const description = values.description ?? '';
  if (!code) errors.push({ field: 'code', message: 'Geef de code van het pad, bijvoorbeeld specialisatie-taal' });
  else if (!PATH_CODE.test(code)) errors.push({ field: 'code', message: 'De code van het pad heeft 2 tot 63 kleine letters, cijfers en streepjes' });
  if (!title) errors.push({ field: 'title', message: 'Geef de titel van het pad' });
  else if (!titleOk(title)) errors.push({ field: 'title', message: 'De titel van het pad heeft 3 tot 200 tekens' });
  if (description.length > 4000) errors.push({ field: 'description', message: 'De beschrijving heeft hoogstens 4000 tekens' });
  if (chosen.length === 0) errors.push({ field: 'sectors', message: 'Kies minstens één sector' });
  if (!values.phaseTitle) errors.push({ field: 'phaseTitle', message: 'Geef de titel van de eerste fase' });
  else if (!titleOk(values.phaseTitle)) errors.push({ field: 'phaseTitle', message: 'De titel van de fase heeft 3 tot 200 tekens' });
  const { step, errors: stepErrors } = readStep(values, competenceAreas);
  errors.push(...stepErrors);
  if (errors.length > 0 || !step) return { errors };
  return {
    path: { code, title, ...(description ? { description } : {}), content: { sectors: chosen, phases: [{ code: 'fase-1', title: values.phaseTitle!, steps: [step] }] } },
    errors,
  };
}

/** The content with a step added to one phase; an error when the phase is unknown or the step's code is taken. */
export function withStep(content: PathContent, phaseCode: string, step: PathStep): { content?: PathContent; errors: FieldError[] } {
  if (!content.phases.some((phase) => phase.code === phaseCode)) return { errors: [{ field: 'phase', message: 'Kies de fase waarin de stap komt' }] };
  if (content.phases.some((phase) => phase.steps.some((existing) => existing.code === step.code))) {
    return { errors: [{ field: 'stepCode', message: `Er is al een stap met de code ${step.code}` }] };
  }
  return {
    content: { ...content, phases: content.phases.map((phase) => (phase.code === phaseCode ? { ...phase, steps: [...phase.steps, step] } : phase)) },
    errors: [],
  };
}

function linesOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

const FIELD_OF_PROPERTY: Record<string, { field: string; label: string }> = {
  code: { field: 'code', label: 'De code' },
  title: { field: 'title', label: 'De titel' },
  description: { field: 'description', label: 'De beschrijving' },
  sectors: { field: 'sectors', label: 'De sectoren' },
  competenceAreas: { field: 'competenceAreas', label: 'De competentiegebieden' },
  learningOutcomes: { field: 'learningOutcomes', label: 'De leerresultaten' },
  minimumHours: { field: 'minimumHours', label: 'Het aantal uren' },
};

/**
 * The paths service's refusal by the form's fields: its field is a path into the content (content.phases.0.steps.2.title);
 * a step's code and title are the step fields, anything else of a step or path by its last name.
 */
export function errorsOfPathProblem(problem: Problem, fallbackField: string): FieldError[] {
  const errors = (problem.errors ?? []).map(({ field, messages }) => {
    const parts = field.split('.');
    const last = parts[parts.length - 1];
    const inStep = parts.includes('steps');
    const target =
      inStep && last === 'code'
        ? { field: 'stepCode', label: 'De code van de stap' }
        : inStep && last === 'title'
          ? { field: 'stepTitle', label: 'De titel van de stap' }
          : (FIELD_OF_PROPERTY[last] ?? { field: fallbackField, label: 'De invoer' });
    return { field: target.field, message: `${target.label}: ${messages.join(', ')}` };
  });
  return errors.length > 0 ? errors : [{ field: fallbackField, message: problem.detail ?? problem.title ?? 'Dit kon niet worden verwerkt.' }];
}
