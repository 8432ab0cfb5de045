import type { FieldError } from '../../ui/components';
import { Button, ChoiceGroup, Form, Heading, SelectField, TextArea, TextField } from '../../ui/components';
import { formList, formValues, requireFields } from '../../http/form';
import { parseEuroToCents } from '../../ui/format';
import { DELIVERY_MODE_LABELS, FORMAT_LABELS, LANGUAGE_LABELS, SECTOR_LABELS, choicesOf } from './provider-labels';

/** An offer's content as the catalogue takes it (POST and PUT /v1/offers). */
export interface OfferContent {
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly sectors: string[];
  readonly format: string;
  readonly deliveryMode: string;
  readonly studyLoadHours: number;
  readonly priceCents: number;
  readonly priceCovers: string;
  readonly regionIds: string[];
  readonly national: boolean;
  readonly language: string;
  readonly learningOutcomes: string[];
  readonly pathStepCodes: string[];
  readonly teamProgramme: boolean;
  readonly minGroupSize: number;
  readonly maxGroupSize: number;
}

/** The form as typed: every field a text (checkboxes a list), so a refused form comes back exactly as it was. */
export interface OfferFormInput {
  readonly values: Record<string, string>;
  readonly sectors: string[];
}

export const EMPTY_OFFER_FORM: OfferFormInput = { values: { language: 'nl', national: 'nee', teamProgramme: 'nee' }, sectors: [] };

/** The fields in the order of the form: the error summary follows the same order. */
const FIELD_ORDER = [
  'title',
  'summary',
  'description',
  'sectors',
  'format',
  'deliveryMode',
  'studyLoadHours',
  'price',
  'priceCovers',
  'national',
  'regionIds',
  'language',
  'learningOutcomes',
  'pathStepCodes',
  'teamProgramme',
  'minGroupSize',
  'maxGroupSize',
];

/** Each field's name in a sentence, for the catalogue's refusals ("Samenvatting moet minstens 20 tekens zijn"). */
export const OFFER_FIELD_LABELS: Record<string, string> = {
  title: 'De titel',
  summary: 'De samenvatting',
  description: 'De beschrijving',
  sectors: 'De onderwijssectoren',
  format: 'De vorm',
  deliveryMode: 'De manier van geven',
  studyLoadHours: 'De studiebelasting',
  price: 'De prijs',
  priceCovers: 'Wat de prijs omvat:',
  national: 'Landelijk',
  regionIds: "De onderwijsregio's",
  language: 'De taal',
  learningOutcomes: 'Leeropbrengsten:',
  pathStepCodes: 'Stappen van ontwikkelpaden:',
  teamProgramme: 'Teamprogramma',
  minGroupSize: 'De kleinste groepsgrootte',
  maxGroupSize: 'De grootste groepsgrootte',
};

/** The catalogue's field names that the form names differently. */
export const OFFER_FIELD_NAMES: Record<string, string> = { priceCents: 'price' };

export function offerFormOf(body: unknown): OfferFormInput {
  return { values: formValues(body), sectors: formList(body, 'sectors') };
}

/** The form filled with an offer's newest content, to edit it. */
export function offerFormFromContent(content: OfferContent): OfferFormInput {
  return {
    values: {
      title: content.title,
      summary: content.summary,
      description: content.description,
      format: content.format,
      deliveryMode: content.deliveryMode,
      studyLoadHours: String(content.studyLoadHours),
      price: (content.priceCents / 100).toFixed(2).replace('.', ','),
      priceCovers: content.priceCovers,
      national: content.national ? 'ja' : 'nee',
      regionIds: content.regionIds.join(', '),
      language: content.language,
      learningOutcomes: content.learningOutcomes.join('\n'),
      pathStepCodes: content.pathStepCodes.join(', '),
      teamProgramme: content.teamProgramme ? 'ja' : 'nee',
      minGroupSize: String(content.minGroupSize),
      maxGroupSize: String(content.maxGroupSize),
    },
    sectors: content.sectors,
  };
}

const listOf = (text: string | undefined, separator: RegExp): string[] =>
  (text ?? '')
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,6}$/.test(text) ? Number(text) : undefined;
}

/** Checks what the portal can check itself and turns the form into the catalogue's content; the catalogue checks the rest. */
export function offerContentOf(input: OfferFormInput): { content?: OfferContent; errors: FieldError[] } {
  const { values } = input;
  const errors: FieldError[] = [
    ...requireFields(values, {
      title: 'Vul de titel van het aanbod in',
      summary: 'Vul een korte samenvatting in',
      description: 'Vul de beschrijving in',
      format: 'Kies de vorm van het aanbod',
      deliveryMode: 'Kies hoe het aanbod wordt gegeven',
      studyLoadHours: 'Vul de studiebelasting in uren in',
      price: 'Vul de prijs per deelnemer in',
      national: 'Kies of het aanbod landelijk is',
      language: 'Kies de taal',
      teamProgramme: 'Kies of het een teamprogramma is',
      minGroupSize: 'Vul de kleinste groepsgrootte in',
      maxGroupSize: 'Vul de grootste groepsgrootte in',
    }),
  ];
  if (input.sectors.length === 0) errors.push({ field: 'sectors', message: 'Kies minstens één onderwijssector' });
  const studyLoadHours = wholeNumber(values.studyLoadHours);
  if (values.studyLoadHours && studyLoadHours === undefined) errors.push({ field: 'studyLoadHours', message: 'Vul de studiebelasting in als een heel aantal uren, bijvoorbeeld 28' });
  const priceCents = values.price ? parseEuroToCents(values.price) : undefined;
  if (values.price && priceCents === undefined) errors.push({ field: 'price', message: 'Vul de prijs in euro’s in, bijvoorbeeld 595,00' });
  const minGroupSize = wholeNumber(values.minGroupSize);
  const maxGroupSize = wholeNumber(values.maxGroupSize);
  if (values.minGroupSize && !minGroupSize) errors.push({ field: 'minGroupSize', message: 'Vul de kleinste groepsgrootte in als een heel getal van 1 of meer' });
  if (values.maxGroupSize && !maxGroupSize) errors.push({ field: 'maxGroupSize', message: 'Vul de grootste groepsgrootte in als een heel getal van 1 of meer' });
  if (minGroupSize && maxGroupSize && maxGroupSize < minGroupSize) {
    errors.push({ field: 'maxGroupSize', message: 'De grootste groepsgrootte is kleiner dan de kleinste' });
  }
  const national = values.national === 'ja';
  const regionIds = listOf(values.regionIds, /[,\s]+/).map((id) => id.toLowerCase());
  if (!national && values.national && regionIds.length === 0) errors.push({ field: 'regionIds', message: 'Noem minstens één onderwijsregio, of kies landelijk aanbod' });
  if (errors.length > 0) return { errors: sortedErrors(errors) };
  return {
    errors: [],
    content: {
      title: values.title,
      summary: values.summary,
      description: values.description,
      sectors: input.sectors,
      format: values.format,
      deliveryMode: values.deliveryMode,
      studyLoadHours: studyLoadHours!,
      priceCents: priceCents!,
      priceCovers: values.priceCovers ?? '',
      regionIds: national ? [] : regionIds,
      national,
      language: values.language,
      learningOutcomes: listOf(values.learningOutcomes, /\r?\n/),
      pathStepCodes: listOf(values.pathStepCodes, /[,\s]+/),
      teamProgramme: values.teamProgramme === 'ja',
      minGroupSize: minGroupSize!,
      maxGroupSize: maxGroupSize!,
    },
  };
}

export function sortedErrors(errors: readonly FieldError[]): FieldError[] {
  const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  return [...errors].sort((a, b) => rank(a.field) - rank(b.field));
}

const YES_NO = [
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
];

/** The offer's content, in groups of questions; the same form creates and edits a draft. */
export function OfferForm({ action, input, errors, submitLabel, idempotencyKey }: { action: string; input: OfferFormInput; errors: readonly FieldError[]; submitLabel: string; idempotencyKey?: string }) {
  const v = input.values;
  return (
    <Form action={action}>
      {idempotencyKey ? <input type="hidden" name="idempotencyKey" value={idempotencyKey} /> : null}
      <Heading level={2}>Over het aanbod</Heading>
      <TextField name="title" label="Titel" value={v.title} errors={errors} />
      <TextArea name="summary" label="Samenvatting" description="Eén of twee zinnen voor de zoekresultaten (minstens 20 tekens om in te dienen)." value={v.summary} errors={errors} rows={3} />
      <TextArea name="description" label="Beschrijving" description="Wat leraren doen en leren (minstens 100 tekens om in te dienen)." value={v.description} errors={errors} rows={8} />
      <TextArea name="learningOutcomes" label="Leeropbrengsten" description="Eén leeropbrengst per regel." value={v.learningOutcomes} errors={errors} rows={4} />
      <TextField name="pathStepCodes" label="Stappen van ontwikkelpaden" description="De codes van de stappen, gescheiden door komma's, bijvoorbeeld SV-2. Nodig om in te dienen." value={v.pathStepCodes} errors={errors} />
      <Heading level={2}>Voor wie en hoe</Heading>
      <ChoiceGroup name="sectors" label="Onderwijssectoren" multiple value={input.sectors} choices={choicesOf(SECTOR_LABELS)} errors={errors} />
      <SelectField name="format" label="Vorm" value={v.format} choices={choicesOf(FORMAT_LABELS)} emptyLabel="Kies een vorm" errors={errors} />
      <ChoiceGroup name="deliveryMode" label="Hoe wordt het aanbod gegeven?" value={v.deliveryMode} choices={choicesOf(DELIVERY_MODE_LABELS)} errors={errors} />
      <SelectField name="language" label="Taal" value={v.language} choices={choicesOf(LANGUAGE_LABELS)} errors={errors} />
      <ChoiceGroup name="teamProgramme" label="Is het een programma voor een heel team?" value={v.teamProgramme} choices={YES_NO} errors={errors} />
      <TextField name="studyLoadHours" label="Studiebelasting in uren" value={v.studyLoadHours} inputMode="numeric" width="short" errors={errors} />
      <TextField name="minGroupSize" label="Kleinste groepsgrootte" value={v.minGroupSize} inputMode="numeric" width="short" errors={errors} />
      <TextField name="maxGroupSize" label="Grootste groepsgrootte" value={v.maxGroupSize} inputMode="numeric" width="short" errors={errors} />
      <Heading level={2}>Waar en voor welke prijs</Heading>
      <ChoiceGroup name="national" label="Is het aanbod landelijk?" value={v.national} choices={YES_NO} errors={errors} />
      <TextField name="regionIds" label="Onderwijsregio's" description="Alleen als het aanbod niet landelijk is: de codes van de regio's, gescheiden door komma's, bijvoorbeeld utrecht-stad." value={v.regionIds} errors={errors} />
      <TextField name="price" label="Prijs per deelnemer in euro's" description="Bijvoorbeeld 595,00." value={v.price} inputMode="decimal" width="short" errors={errors} />
      <TextField name="priceCovers" label="Wat de prijs omvat" description="Bijvoorbeeld lesmateriaal, lunch en certificaat." value={v.priceCovers} errors={errors} />
      <Button>{submitLabel}</Button>
    </Form>
  );
}
