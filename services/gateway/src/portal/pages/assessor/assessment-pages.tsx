import type { ReactNode } from 'react';
import type { FormValues } from '../../http/form';
import { Alert, BackLink, Button, ButtonLink, ChoiceGroup, DataTable, Form, Heading, Link, Pagination, Paragraph, SelectField, SummaryList, Tag, TextArea, TextField, type FieldError } from '../../ui/components';
import { formatDate, formatDateTime, formatEuro } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { scoreFields } from './assessment-forms';
import { ACTION_LABELS, KIND_LABELS, OUTCOME_LABELS, STATUS_LABELS, type Assessment, type AssessmentDetail, type AssessmentStatus, type Criterion, type CriterionScore, type HistoryEntry, type MarkConditions, type OfferVersion, type Proposal } from './quality-api';

/** The statuses an assessor can filter on; `alle` shows every case. */
export const STATUS_FILTERS: readonly { value: AssessmentStatus | 'alle'; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'awaiting-confirmation', label: 'Wacht op bevestiging' },
  { value: 'approved', label: 'Goedgekeurd' },
  { value: 'approved-with-conditions', label: 'Goedgekeurd onder voorwaarden' },
  { value: 'rejected', label: 'Afgewezen' },
  { value: 'alle', label: 'Alle beoordelingen' },
];

const CASE_NOTICES: Record<string, string> = {
  'scores-opgeslagen': 'De scores zijn opgeslagen.',
  'beslissing-genomen': 'De beslissing is genomen en aan de aanbieder doorgegeven.',
  'beslissing-voorgesteld': 'De beslissing is voorgesteld. Een tweede beoordelaar moet haar bevestigen (vier ogen).',
  bevestigd: 'U heeft de beslissing bevestigd. Zij is nu genomen.',
  teruggestuurd: 'U heeft de beslissing niet bevestigd. De beoordeling is weer open.',
  'voorwaarden-vervuld': 'U heeft vastgelegd dat aan de voorwaarden is voldaan.',
};

export function noticeOf(notices: Record<string, string>, key: unknown): ReactNode {
  const text = typeof key === 'string' ? notices[key] : undefined;
  return text ? <Alert type="ok">{text}</Alert> : null;
}

export function CasesPage({ status, cases, providerNames, nextHref, previousHref }: { status: string; cases: readonly Assessment[]; providerNames: ReadonlyMap<string, string>; nextHref?: string; previousHref?: string }) {
  const label = STATUS_FILTERS.find((filter) => filter.value === status)?.label ?? 'Open';
  return (
    <Layout title="Te beoordelen">
      <Paragraph lead>Aanbod dat een aanbieder heeft ingediend, beoordeelt u op de criteria van het kwaliteitskader.</Paragraph>
      <Form action="/beoordelen" method="get" label="Beoordelingen filteren" inline>
        <SelectField name="status" label="Toon" value={status} choices={STATUS_FILTERS} />
        <Button secondary>Filteren</Button>
      </Form>
      <DataTable
        caption={`Beoordelingen: ${label.toLowerCase()}`}
        rows={cases}
        rowKey={(row) => row.id}
        empty="Er zijn geen beoordelingen met deze status."
        columns={[
          { header: 'Aanbod', cell: (row) => <Link href={`/beoordelen/${row.id}`}>{row.offerTitle}</Link> },
          { header: 'Aanbieder', cell: (row) => providerNames.get(row.providerId) ?? 'Onbekende aanbieder' },
          { header: 'Soort', cell: (row) => `${KIND_LABELS[row.kind]} (versie ${row.offerVersion})` },
          { header: 'Ingediend op', cell: (row) => formatDate(row.openedAt) },
          { header: 'Status', cell: (row) => <Tag>{STATUS_LABELS[row.status]}</Tag> },
        ]}
      />
      <Pagination previousHref={previousHref} nextHref={nextHref} />
    </Layout>
  );
}

interface CaseProps {
  readonly detail: AssessmentDetail;
  readonly history: readonly HistoryEntry[];
  /** With an approval with conditions: the mark's conditions and whether they are met. */
  readonly markConditions?: MarkConditions;
  readonly providerName: string;
  readonly offer?: OfferVersion;
  /** The signed-in assessor: the one who proposed a decision cannot confirm it. */
  readonly subject: string;
  readonly notice?: unknown;
  readonly errors?: readonly FieldError[];
  /** What the assessor typed, when the form comes back with errors; otherwise the saved scores. */
  readonly values: FormValues;
  readonly idempotencyKey: string;
}

export function CasePage({ detail, history, markConditions, providerName, offer, subject, notice, errors = [], values, idempotencyKey }: CaseProps) {
  const { assessment, criteria, scores } = detail;
  const allScored = criteria.every((criterion) => scores.some((score) => score.criterionCode === criterion.code));
  return (
    <Layout title={assessment.offerTitle} caption="Beoordeling" errors={errors} before={<BackLink href="/beoordelen">Alle beoordelingen</BackLink>}>
      {noticeOf(CASE_NOTICES, notice)}
      <SummaryList
        rows={[
          ['Status', <Tag key="status">{STATUS_LABELS[assessment.status]}</Tag>],
          ['Aanbieder', providerName],
          ['Soort', `${KIND_LABELS[assessment.kind]} van versie ${assessment.offerVersion}`],
          ['Ingediend op', formatDateTime(assessment.openedAt)],
          ['Kwaliteitskader', `Versie ${assessment.frameworkVersion}`],
        ]}
      />
      <OfferFacts offer={offer} />
      {assessment.status === 'open' ? (
        <>
          <Heading level={2}>Scores per criterium</Heading>
          <ScoresForm assessmentId={assessment.id} criteria={criteria} values={values} errors={errors} />
          <Heading level={2}>Beslissing</Heading>
          {allScored ? (
            <>
              <Paragraph>Alle criteria zijn gescoord. U kunt nu beslissen.</Paragraph>
              <ButtonLink href={`/beoordelen/${assessment.id}/beslissing`}>Beslissing nemen</ButtonLink>
            </>
          ) : (
            <Paragraph>U kunt beslissen zodra u alle criteria heeft gescoord en de scores heeft opgeslagen.</Paragraph>
          )}
        </>
      ) : (
        <>
          <ScoresTable criteria={criteria} scores={scores} />
          {assessment.status === 'awaiting-confirmation' && assessment.proposal ? (
            <Confirmation assessmentId={assessment.id} proposal={assessment.proposal} subject={subject} values={values} errors={errors} idempotencyKey={idempotencyKey} />
          ) : (
            <>
              <Decided assessment={assessment} />
              {markConditions ? <Conditions assessmentId={assessment.id} mark={markConditions} values={values} errors={errors} /> : null}
            </>
          )}
        </>
      )}
      <History entries={history} />
    </Layout>
  );
}

/** The mark's conditions: met (when), ended, or a form to record that they are met. */
function Conditions({ assessmentId, mark, values, errors }: { assessmentId: string; mark: MarkConditions; values: FormValues; errors: readonly FieldError[] }) {
  return (
    <>
      <Heading level={2}>Voorwaarden van het keurmerk</Heading>
      {mark.conditionsFulfilledAt ? (
        <Paragraph>Aan de voorwaarden is voldaan (vastgelegd op {formatDateTime(mark.conditionsFulfilledAt)}).</Paragraph>
      ) : mark.endReason ? (
        <Paragraph>Het keurmerk is beëindigd: {String(mark.endReason)}</Paragraph>
      ) : (
        <Form action={`/beoordelen/${assessmentId}/voorwaarden`} label="Voorwaarden vervuld">
          <Paragraph>Heeft de aanbieder voor {formatDate(mark.conditionsDeadline)} aan de voorwaarden voldaan? Leg dat hier vast; anders vervalt het keurmerk na die dag.</Paragraph>
          <TextArea name="justification" label="Waaruit blijkt dat aan de voorwaarden is voldaan?" value={values.justification} errors={errors} rows={3} />
          <Button>Voorwaarden vervuld</Button>
        </Form>
      )}
    </>
  );
}

/** Who did what to the case, and why: the four-eyes trail included. */
function History({ entries }: { entries: readonly HistoryEntry[] }) {
  return (
    <>
      <Heading level={2}>Geschiedenis</Heading>
      <DataTable
        caption="Geschiedenis van de beoordeling"
        rows={entries}
        rowKey={(row) => row.id}
        empty="Nog geen geschiedenis."
        columns={[
          { header: 'Wanneer', cell: (row) => formatDateTime(row.recordedAt) },
          { header: 'Wat', cell: (row) => `${ACTION_LABELS[row.action] ?? row.action}${typeof row.details?.criterionCode === 'string' ? ` ${row.details.criterionCode}` : ''}` },
          { header: 'Door', cell: (row) => (row.actor === 'system' ? 'Het platform' : row.actor) },
          { header: 'Toelichting', cell: (row) => row.reason ?? '–' },
        ]}
      />
    </>
  );
}

/** What the catalogue shows of the offer version, when the assessor may see it. */
function OfferFacts({ offer }: { offer?: OfferVersion }) {
  if (!offer) {
    return <Alert type="info">De inhoud van deze aanbodversie is voor beoordelaars niet in de catalogus op te vragen. Beoordeel op de stukken van de aanbieder.</Alert>;
  }
  return (
    <>
      <Heading level={2}>Het aanbod</Heading>
      <SummaryList
        rows={[
          ['Samenvatting', offer.summary ?? '–'],
          ['Beschrijving', offer.description ?? '–'],
          ['Sectoren', (offer.sectors ?? []).join(', ').toUpperCase() || '–'],
          ['Studiebelasting', offer.studyLoadHours !== undefined ? `${offer.studyLoadHours} uur` : '–'],
          ['Prijs', offer.priceCents !== undefined ? formatEuro(offer.priceCents) : '–'],
          ['Leerresultaten', (offer.learningOutcomes ?? []).length > 0 ? <ul>{offer.learningOutcomes!.map((outcome) => <li key={outcome}>{outcome}</li>)}</ul> : '–'],
          ['Stappen in ontwikkelpaden', (offer.pathStepCodes ?? []).join(', ') || '–'],
        ]}
      />
    </>
  );
}

const MET_CHOICES = [
  { value: 'ja', label: 'Voldaan' },
  { value: 'nee', label: 'Niet voldaan' },
];
const SCORE_CHOICES = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }));

/** One fieldset per criterion: met or not, an optional score and the justification. */
function ScoresForm({ assessmentId, criteria, values, errors }: { assessmentId: string; criteria: readonly Criterion[]; values: FormValues; errors: readonly FieldError[] }) {
  return (
    <Form action={`/beoordelen/${assessmentId}/scores`} label="Scores per criterium">
      <Paragraph>Beoordeel elk criterium en onderbouw uw oordeel. Een score van 1 tot en met 5 is niet verplicht.</Paragraph>
      {criteria.map((criterion) => {
        const fields = scoreFields(criterion.code);
        return (
          <fieldset className="utrecht-form-fieldset napl-criterion" key={criterion.code}>
            <legend className="utrecht-form-fieldset__legend">
              {criterion.code} {criterion.title}
              {criterion.required ? ' (verplicht criterium)' : ''}
            </legend>
            <Paragraph>{criterion.description}</Paragraph>
            <Paragraph>Bewijs: {criterion.evidence}</Paragraph>
            <ChoiceGroup name={fields.met} label={`Oordeel over ${criterion.code}`} choices={MET_CHOICES} value={values[fields.met]} errors={errors} />
            <SelectField name={fields.score} label={`Score voor ${criterion.code} (niet verplicht)`} choices={SCORE_CHOICES} emptyLabel="Geen score" value={values[fields.score]} errors={errors} />
            <TextArea name={fields.justification} label={`Onderbouwing bij ${criterion.code}`} value={values[fields.justification]} errors={errors} rows={3} />
          </fieldset>
        );
      })}
      <Button>Scores opslaan</Button>
    </Form>
  );
}

function ScoresTable({ criteria, scores }: { criteria: readonly Criterion[]; scores: readonly CriterionScore[] }) {
  const byCode = new Map(scores.map((score) => [score.criterionCode, score]));
  return (
    <>
      <Heading level={2}>Scores per criterium</Heading>
      <DataTable
        caption="Scores per criterium"
        rows={criteria}
        rowKey={(row) => row.code}
        columns={[
          { header: 'Criterium', cell: (row) => `${row.code} ${row.title}` },
          { header: 'Oordeel', cell: (row) => (byCode.get(row.code) ? (byCode.get(row.code)!.met ? 'Voldaan' : 'Niet voldaan') : 'Niet gescoord') },
          { header: 'Score', cell: (row) => byCode.get(row.code)?.score ?? '–', numeric: true },
          { header: 'Onderbouwing', cell: (row) => byCode.get(row.code)?.justification ?? '–' },
        ]}
      />
    </>
  );
}

function decisionRows(decision: { summary: string | null; conditions: readonly string[]; conditionsDeadline: string | null }): [string, ReactNode][] {
  return [
    ['Toelichting', decision.summary ?? '–'],
    ...(decision.conditions.length > 0
      ? ([
          ['Voorwaarden', <ul key="conditions">{decision.conditions.map((condition) => <li key={condition}>{condition}</li>)}</ul>],
          ['Termijn', formatDate(decision.conditionsDeadline)],
        ] as [string, ReactNode][])
      : []),
  ];
}

function Confirmation({ assessmentId, proposal, subject, values, errors, idempotencyKey }: { assessmentId: string; proposal: Proposal; subject: string; values: FormValues; errors: readonly FieldError[]; idempotencyKey: string }) {
  return (
    <>
      <Heading level={2}>Voorgestelde beslissing</Heading>
      <SummaryList rows={[['Beslissing', OUTCOME_LABELS[proposal.outcome]], ['Voorgesteld op', formatDateTime(proposal.proposedAt)], ...decisionRows(proposal)]} />
      {proposal.proposedBy === subject ? (
        <Alert type="info">U heeft deze beslissing voorgesteld. Een tweede, andere beoordelaar moet haar bevestigen (vier ogen).</Alert>
      ) : (
        <Form action={`/beoordelen/${assessmentId}/bevestiging`} label="Beslissing bevestigen">
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <ChoiceGroup
            name="agree"
            label="Bevestigt u deze beslissing?"
            description="Vier ogen: u controleert de beslissing van een andere beoordelaar."
            choices={[
              { value: 'ja', label: 'Ja, ik bevestig de beslissing' },
              { value: 'nee', label: 'Nee, terug naar de beoordelaar' },
            ]}
            value={values.agree}
            errors={errors}
          />
          <TextArea name="reason" label="Reden (als u niet bevestigt)" value={values.reason} errors={errors} rows={3} />
          <Button>Antwoord versturen</Button>
        </Form>
      )}
    </>
  );
}

function Decided({ assessment }: { assessment: Assessment }) {
  if (!assessment.outcome) return null;
  return (
    <>
      <Heading level={2}>Beslissing</Heading>
      <SummaryList rows={[['Beslissing', STATUS_LABELS[assessment.outcome]], ['Genomen op', formatDateTime(assessment.decidedAt)], ...decisionRows(assessment)]} />
    </>
  );
}

export function DecisionPage({ assessment, values, errors = [], idempotencyKey }: { assessment: Assessment; values: FormValues; errors?: readonly FieldError[]; idempotencyKey: string }) {
  return (
    <Layout title="Beslissing nemen" caption={assessment.offerTitle} errors={errors} before={<BackLink href={`/beoordelen/${assessment.id}`}>Terug naar de beoordeling</BackLink>}>
      <Form action={`/beoordelen/${assessment.id}/beslissing`} label="Beslissing">
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <ChoiceGroup
          name="outcome"
          label="Wat is uw beslissing?"
          description="Goedkeuren kan alleen als aan alle verplichte criteria is voldaan."
          choices={Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, label }))}
          value={values.outcome}
          errors={errors}
        />
        <TextArea name="summary" label="Toelichting op de beslissing" description="De aanbieder ziet deze toelichting." value={values.summary} errors={errors} />
        <TextArea name="conditions" label="Voorwaarden (alleen bij goedkeuren onder voorwaarden)" description="Eén voorwaarde per regel." value={values.conditions} errors={errors} rows={3} />
        <TextField name="conditionsDeadline" label="Termijn voor de voorwaarden" description="Bijvoorbeeld 31-12-2027." type="date" value={values.conditionsDeadline} errors={errors} />
        <Button>Beslissing vastleggen</Button>
      </Form>
    </Layout>
  );
}
