import { Button, ChoiceGroup, Form, TextArea, TextField, type FieldError } from '../../ui/components';
import type { FormValues } from '../../http/form';
import { formatEuro, parseEuroToCents } from '../../ui/format';
import { parseCalendarDate } from './ministry-format';

/** A version of the reimbursement rules as the reimbursement service keeps it (GET /v1/rules/{version}). */
export interface RuleVersion {
  readonly version: number;
  readonly status: 'draft' | 'published';
  readonly validFrom: string;
  readonly costTypes: readonly string[];
  readonly percentageBasisPoints: number;
  readonly maxPerParticipantPerOfferCents: number;
  readonly maxPerParticipantPerSchoolYearCents: number;
  readonly participation: { kind: 'started' | 'completed'; minimumAttendancePercent?: number };
  readonly reviewAboveCents: number | null;
  readonly note: string;
  readonly createdAt: string;
  readonly publishedAt: string | null;
  readonly problems: readonly string[];
}

export type RuleContent = Pick<
  RuleVersion,
  'validFrom' | 'costTypes' | 'percentageBasisPoints' | 'maxPerParticipantPerOfferCents' | 'maxPerParticipantPerSchoolYearCents' | 'participation' | 'reviewAboveCents' | 'note'
>;

export const COST_TYPE_NAMES: Record<string, string> = {
  tuition: 'Cursusgeld (de prijs van het aanbod)',
  materials: 'Lesmateriaal',
  'study-leave': 'Studieverlof',
  'substitute-cover': 'Vervanging',
};

export const PARTICIPATION_NAMES: Record<string, string> = {
  started: 'De leraar is begonnen',
  completed: 'De leraar heeft het aanbod afgerond, met een minimale aanwezigheid',
};

/** The form's fields, as typed (text), and the cost types ticked. */
export interface RuleFormValues {
  readonly values: FormValues;
  readonly costTypes: readonly string[];
}

const PERCENT = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const euroText = (cents: number | null): string => (cents === null ? '' : formatEuro(cents).replace(/^€\s*/, ''));

/** A version's content as the form shows it (to start a new version from the one in force, or to change a draft). */
export function formValuesOf(rule: RuleContent): RuleFormValues {
  return {
    values: {
      validFrom: '',
      percentage: PERCENT.format(rule.percentageBasisPoints / 100),
      maxPerOffer: euroText(rule.maxPerParticipantPerOfferCents),
      maxPerSchoolYear: euroText(rule.maxPerParticipantPerSchoolYearCents),
      participation: rule.participation.kind,
      minimumAttendance: rule.participation.minimumAttendancePercent === undefined ? '' : String(rule.participation.minimumAttendancePercent),
      reviewAbove: euroText(rule.reviewAboveCents),
      note: rule.note,
    },
    costTypes: rule.costTypes,
  };
}

/** The form read and checked: the API's body, or what is wrong (each message next to its field). */
export function ruleContentOf({ values, costTypes }: RuleFormValues): { content: RuleContent } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const validFrom = parseCalendarDate(values.validFrom ?? '');
  if (!validFrom) errors.push({ field: 'validFrom', message: values.validFrom ? 'Vul de ingangsdatum in als een bestaande datum, bijvoorbeeld 01-08-2027' : 'Vul de ingangsdatum in' });
  if (costTypes.length === 0 || costTypes.some((type) => !(type in COST_TYPE_NAMES))) errors.push({ field: 'costTypes', message: 'Kies ten minste één soort kosten die meetelt' });
  const percentage = Number((values.percentage ?? '').replace(',', '.'));
  const basisPoints = Math.round(percentage * 100);
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(values.percentage ?? '') || basisPoints < 1 || basisPoints > 10_000) {
    errors.push({ field: 'percentage', message: 'Vul het vergoede deel in als een percentage van 0,01 tot en met 100, bijvoorbeeld 50' });
  }
  const maxPerOffer = parseEuroToCents(values.maxPerOffer ?? '');
  if (maxPerOffer === undefined || maxPerOffer <= 0) errors.push({ field: 'maxPerOffer', message: 'Vul het maximum per aanbod in als een bedrag in euro, bijvoorbeeld 1.000' });
  const maxPerSchoolYear = parseEuroToCents(values.maxPerSchoolYear ?? '');
  if (maxPerSchoolYear === undefined || maxPerSchoolYear <= 0) errors.push({ field: 'maxPerSchoolYear', message: 'Vul het maximum per schooljaar in als een bedrag in euro, bijvoorbeeld 1.500' });
  if (maxPerOffer && maxPerSchoolYear && maxPerOffer > maxPerSchoolYear) errors.push({ field: 'maxPerOffer', message: 'Het maximum per aanbod kan niet hoger zijn dan het maximum per schooljaar' });
  const kind = values.participation;
  if (kind !== 'started' && kind !== 'completed') errors.push({ field: 'participation', message: 'Kies wanneer een deelname meetelt' });
  const attendance = Number(values.minimumAttendance);
  if (kind === 'completed' && !(/^\d{1,3}$/.test(values.minimumAttendance ?? '') && attendance <= 100)) {
    errors.push({ field: 'minimumAttendance', message: 'Vul de minimale aanwezigheid in als een heel percentage van 0 tot en met 100' });
  }
  const reviewAbove = values.reviewAbove ? parseEuroToCents(values.reviewAbove) : null;
  if (reviewAbove === undefined) errors.push({ field: 'reviewAbove', message: 'Vul de grens voor beoordeling in als een bedrag in euro, of laat het veld leeg' });
  if ((values.note ?? '').length > 2000) errors.push({ field: 'note', message: 'De toelichting is te lang: hoogstens 2.000 tekens' });
  if (errors.length > 0 || !validFrom || !maxPerOffer || !maxPerSchoolYear || reviewAbove === undefined) return { errors };
  return {
    content: {
      validFrom,
      costTypes,
      percentageBasisPoints: basisPoints,
      maxPerParticipantPerOfferCents: maxPerOffer,
      maxPerParticipantPerSchoolYearCents: maxPerSchoolYear,
      participation: kind === 'completed' ? { kind, minimumAttendancePercent: attendance } : { kind: 'started' },
      reviewAboveCents: reviewAbove,
      note: values.note ?? '',
    },
  };
}

/** The API's field names, as the form's (so a refusal lands next to the right field). */
export const RULE_FIELD_NAMES: Record<string, string> = {
  validFrom: 'validFrom',
  costTypes: 'costTypes',
  percentageBasisPoints: 'percentage',
  maxPerParticipantPerOfferCents: 'maxPerOffer',
  maxPerParticipantPerSchoolYearCents: 'maxPerSchoolYear',
  participation: 'participation',
  'participation.kind': 'participation',
  'participation.minimumAttendancePercent': 'minimumAttendance',
  reviewAboveCents: 'reviewAbove',
  note: 'note',
};

export function RuleForm({ action, form, errors, idempotencyKey, submitLabel }: { action: string; form: RuleFormValues; errors: readonly FieldError[]; idempotencyKey?: string; submitLabel: string }) {
  const { values } = form;
  return (
    <Form action={action}>
      {idempotencyKey ? <input type="hidden" name="idempotencyKey" value={idempotencyKey} /> : null}
      <TextField name="validFrom" label="Ingangsdatum" description="De regels gelden voor inschrijvingen op of na deze datum. Bijvoorbeeld 01-08-2027." value={values.validFrom} errors={errors} width="short" />
      <ChoiceGroup name="costTypes" label="Welke kosten tellen mee?" multiple value={form.costTypes} errors={errors} choices={Object.entries(COST_TYPE_NAMES).map(([value, label]) => ({ value, label }))} />
      <TextField name="percentage" label="Vergoed deel van de kosten (procent)" description="Bijvoorbeeld 50." value={values.percentage} errors={errors} inputMode="decimal" width="short" />
      <TextField name="maxPerOffer" label="Maximum per leraar per aanbod (euro)" description="Bijvoorbeeld 1.000." value={values.maxPerOffer} errors={errors} inputMode="decimal" width="short" />
      <TextField name="maxPerSchoolYear" label="Maximum per leraar per schooljaar (euro)" description="Een schooljaar loopt van 1 augustus tot en met 31 juli." value={values.maxPerSchoolYear} errors={errors} inputMode="decimal" width="short" />
      <ChoiceGroup name="participation" label="Wanneer telt een deelname mee?" value={values.participation} errors={errors} choices={Object.entries(PARTICIPATION_NAMES).map(([value, label]) => ({ value, label }))} />
      <TextField name="minimumAttendance" label="Minimale aanwezigheid (procent van de bijeenkomsten)" description="Alleen nodig als de leraar het aanbod moet afronden." value={values.minimumAttendance} errors={errors} inputMode="numeric" width="short" />
      <TextField name="reviewAbove" label="Grens voor beoordeling door het ministerie (euro, niet verplicht)" description="Hogere bedragen komen in de wachtrij ‘Te beoordelen’. Leeg: nooit." value={values.reviewAbove} errors={errors} inputMode="decimal" width="short" />
      <TextArea name="note" label="Toelichting (niet verplicht)" description="Waarom deze versie, bijvoorbeeld de regeling die zij volgt." value={values.note} errors={errors} />
      <Button>{submitLabel}</Button>
    </Form>
  );
}
