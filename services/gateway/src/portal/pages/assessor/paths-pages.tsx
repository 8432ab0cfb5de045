import type { FormValues } from '../../http/form';
import { BackLink, Button, ButtonLink, ChoiceGroup, DataTable, Form, Heading, Link, Paragraph, SelectField, SummaryList, Tag, TextArea, TextField, type FieldError } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { noticeOf } from './assessment-pages';
import { COMPETENCE_LABELS, SECTOR_LABELS, type PathSummary, type PathVersion, type PathVersionSummary } from './paths-api';

const NOTICES: Record<string, string> = {
  aangemaakt: 'Het ontwikkelpad is aangemaakt als concept (versie 1). Publiceer het als het klaar is.',
  'stap-toegevoegd': 'De stap is toegevoegd aan het concept.',
  gepubliceerd: 'De versie is gepubliceerd. Leraren kunnen haar nu gebruiken; zij verandert niet meer.',
  'concept-gemaakt': 'Er is een nieuwe conceptversie gemaakt, met de inhoud van de nieuwste versie.',
};

const STATUS = { draft: 'Concept', published: 'Gepubliceerd' } as const;

/** The form's lists (checkboxes), kept when the form comes back with errors. */
export interface FormLists {
  readonly sectors?: readonly string[];
  readonly competenceAreas?: readonly string[];
}

const versionText = (version: PathVersionSummary) => `${version.version} (${STATUS[version.status].toLowerCase()})`;

export function PathsPage({ paths }: { paths: readonly PathSummary[] }) {
  return (
    <Layout title="Ontwikkelpaden">
      <Paragraph lead>De ontwikkelpaden waarlangs leraren zich professionaliseren, met hun fasen en stappen. Een gepubliceerde versie verandert nooit.</Paragraph>
      <DataTable
        caption="Ontwikkelpaden"
        rows={paths}
        rowKey={(row) => row.pathId}
        empty="Er zijn nog geen ontwikkelpaden."
        columns={[
          { header: 'Ontwikkelpad', cell: (row) => <Link href={`/ministerie/paden/${row.pathId}`}>{row.title}</Link> },
          { header: 'Code', cell: (row) => row.code },
          { header: 'Geldende versie', cell: (row) => (row.currentVersion === null ? 'Nog niet gepubliceerd' : `Versie ${row.currentVersion}`) },
          { header: 'Versies', cell: (row) => row.versions.map(versionText).join(', ') },
        ]}
      />
      <ButtonLink href="/ministerie/paden/nieuw">Nieuw ontwikkelpad</ButtonLink>
    </Layout>
  );
}

export function PathPage({ path, notice }: { path: PathSummary; notice?: unknown }) {
  const hasDraft = path.versions.some((version) => version.status === 'draft');
  return (
    <Layout title={path.title} caption="Ontwikkelpad" before={<BackLink href="/ministerie/paden">Alle ontwikkelpaden</BackLink>}>
      {noticeOf(NOTICES, notice)}
      <SummaryList
        rows={[
          ['Code', path.code],
          ['Beschrijving', path.description || '–'],
          ['Geldende versie', path.currentVersion === null ? 'Nog niet gepubliceerd' : `Versie ${path.currentVersion}`],
        ]}
      />
      <DataTable
        caption="Versies"
        rows={path.versions}
        rowKey={(row) => String(row.version)}
        columns={[
          { header: 'Versie', cell: (row) => <Link href={`/ministerie/paden/${path.pathId}/versies/${row.version}`}>Versie {row.version}</Link> },
          { header: 'Status', cell: (row) => <Tag>{STATUS[row.status]}</Tag> },
          { header: 'Gepubliceerd op', cell: (row) => (row.publishedAt ? formatDate(row.publishedAt) : '–') },
        ]}
      />
      {hasDraft ? (
        <Paragraph>Er is al een conceptversie. Wijzig en publiceer die eerst.</Paragraph>
      ) : (
        <Form action={`/ministerie/paden/${path.pathId}/versies`} label="Nieuwe conceptversie">
          <Paragraph>Een wijziging begint met een nieuwe conceptversie: een kopie van de nieuwste versie.</Paragraph>
          <Button secondary>Nieuwe conceptversie maken</Button>
        </Form>
      )}
    </Layout>
  );
}

interface VersionProps {
  readonly version: PathVersion;
  readonly notice?: unknown;
  readonly values?: FormValues;
  readonly lists?: FormLists;
  readonly errors?: readonly FieldError[];
}

export function PathVersionPage({ version, notice, values = {}, lists = {}, errors = [] }: VersionProps) {
  const draft = version.status === 'draft';
  return (
    <Layout
      title={`${version.title}, versie ${version.version}`}
      caption={STATUS[version.status]}
      errors={errors}
      before={<BackLink href={`/ministerie/paden/${version.pathId}`}>Terug naar het ontwikkelpad</BackLink>}
    >
      {noticeOf(NOTICES, notice)}
      <SummaryList
        rows={[
          ['Status', <Tag key="status">{STATUS[version.status]}</Tag>],
          ['Gepubliceerd op', version.publishedAt ? formatDate(version.publishedAt) : '–'],
          ['Sectoren', version.content.sectors.map((sector) => SECTOR_LABELS[sector] ?? sector).join(', ')],
        ]}
      />
      {version.content.phases.map((phase) => (
        <section key={phase.code} aria-labelledby={`fase-${phase.code}`}>
          <Heading level={2} id={`fase-${phase.code}`}>
            {phase.title}
          </Heading>
          <DataTable
            caption={`Stappen in ${phase.title}`}
            rows={phase.steps}
            rowKey={(row) => row.code}
            empty="Deze fase heeft nog geen stappen."
            columns={[
              { header: 'Code', cell: (row) => row.code },
              { header: 'Stap', cell: (row) => row.title },
              { header: 'Competentiegebieden', cell: (row) => row.competenceAreas.map((area) => COMPETENCE_LABELS[area] ?? area).join(', ') },
              { header: 'Leerresultaten', cell: (row) => <ul>{row.learningOutcomes.map((outcome) => <li key={outcome}>{outcome}</li>)}</ul> },
              { header: 'Minimaal uren', cell: (row) => row.requirement.minimumHours ?? '–', numeric: true },
            ]}
          />
        </section>
      ))}
      {draft ? (
        <>
          <Heading level={2}>Stap toevoegen</Heading>
          <Form action={`/ministerie/paden/${version.pathId}/versies/${version.version}/stappen`} label="Stap toevoegen">
            <SelectField
              name="phase"
              label="Fase"
              choices={version.content.phases.map((phase) => ({ value: phase.code, label: phase.title }))}
              value={values.phase}
              errors={errors}
            />
            <StepFields values={values} lists={lists} errors={errors} />
            <Button>Stap toevoegen</Button>
          </Form>
          <Heading level={2}>Publiceren</Heading>
          <Form action={`/ministerie/paden/${version.pathId}/versies/${version.version}/publiceren`} label="Versie publiceren">
            <Paragraph>Na publicatie kunnen leraren deze versie gebruiken. Een gepubliceerde versie verandert nooit meer.</Paragraph>
            <Button>Versie {version.version} publiceren</Button>
          </Form>
        </>
      ) : null}
    </Layout>
  );
}

function StepFields({ values, lists, errors }: { values: FormValues; lists: FormLists; errors: readonly FieldError[] }) {
  return (
    <>
      <TextField name="stepCode" label="Code van de stap" description="Bijvoorbeeld SV-4." value={values.stepCode} errors={errors} width="short" />
      <TextField name="stepTitle" label="Titel van de stap" value={values.stepTitle} errors={errors} />
      <ChoiceGroup
        name="competenceAreas"
        label="Competentiegebieden van de stap"
        multiple
        choices={Object.entries(COMPETENCE_LABELS).map(([value, label]) => ({ value, label }))}
        value={lists.competenceAreas ?? []}
        errors={errors}
      />
      <TextArea name="learningOutcomes" label="Leerresultaten" description="Eén leerresultaat per regel." value={values.learningOutcomes} errors={errors} rows={3} />
      <TextField name="minimumHours" label="Minimaal aantal uren" inputMode="numeric" value={values.minimumHours} errors={errors} width="short" />
    </>
  );
}

export function NewPathPage({ values = {}, lists = {}, errors = [], idempotencyKey }: { values?: FormValues; lists?: FormLists; errors?: readonly FieldError[]; idempotencyKey: string }) {
  return (
    <Layout title="Nieuw ontwikkelpad" errors={errors} before={<BackLink href="/ministerie/paden">Alle ontwikkelpaden</BackLink>}>
      <Paragraph>Het pad begint als concept met één fase en één stap. Daarna voegt u stappen toe en publiceert u het.</Paragraph>
      <Form action="/ministerie/paden/nieuw" label="Nieuw ontwikkelpad">
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <TextField name="code" label="Code van het pad" description="Letters, cijfers en streepjes, bijvoorbeeld specialisatie-taal." value={values.code} errors={errors} />
        <TextField name="title" label="Titel van het pad" value={values.title} errors={errors} />
        <TextArea name="description" label="Beschrijving (niet verplicht)" description="Voor wie het pad is en waar het naartoe leidt." value={values.description} errors={errors} rows={3} />
        <ChoiceGroup
          name="sectors"
          label="Voor welke sectoren is het pad?"
          multiple
          choices={Object.entries(SECTOR_LABELS).map(([value, label]) => ({ value, label }))}
          value={lists.sectors ?? []}
          errors={errors}
        />
        <TextField name="phaseTitle" label="Titel van de eerste fase" value={values.phaseTitle} errors={errors} />
        <Heading level={2}>Eerste stap</Heading>
        <StepFields values={values} lists={lists} errors={errors} />
        <Button>Ontwikkelpad aanmaken</Button>
      </Form>
    </Layout>
  );
}
