import type { FormValues } from '../../http/form';
import { BackLink, Button, ButtonLink, ChoiceGroup, DataTable, Form, Heading, Link, Paragraph, SummaryList, TextArea, TextField, type FieldError } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { noticeOf } from './assessment-pages';
import { criterionFields } from './framework-form';
import type { Framework } from './quality-api';

const NOTICES: Record<string, string> = {
  gepubliceerd: 'De nieuwe versie van het kwaliteitskader is gepubliceerd. Nieuwe beoordelingen gebruiken deze versie.',
};

export function FrameworkPage({ framework, current, notice }: { framework: Framework; current: number; notice?: unknown }) {
  const isCurrent = framework.version === current;
  return (
    <Layout title="Kwaliteitskader" caption={`Versie ${framework.version}${isCurrent ? ' (geldend)' : ''}`}>
      {noticeOf(NOTICES, notice)}
      <SummaryList
        rows={[
          ['Versie', isCurrent ? `${framework.version} (geldend: nieuwe beoordelingen gebruiken deze versie)` : String(framework.version)],
          ['Gepubliceerd op', formatDate(framework.publishedAt)],
          ['Toelichting', framework.notes],
        ]}
      />
      <DataTable
        caption={`Criteria van versie ${framework.version}`}
        rows={framework.criteria}
        rowKey={(row) => row.code}
        columns={[
          { header: 'Code', cell: (row) => row.code },
          { header: 'Criterium', cell: (row) => row.title },
          { header: 'Beschrijving', cell: (row) => row.description },
          { header: 'Gevraagd bewijs', cell: (row) => row.evidence },
          { header: 'Verplicht', cell: (row) => (row.required ? 'Ja' : 'Nee') },
        ]}
      />
      <Heading level={2}>Versies</Heading>
      <ul className="utrecht-unordered-list">
        {Array.from({ length: current }, (_, index) => current - index).map((version) => (
          <li key={version}>
            <Link href={`/ministerie/kwaliteitskader?versie=${version}`} current={version === framework.version}>
              Versie {version}
              {version === current ? ' (geldend)' : ''}
            </Link>
          </li>
        ))}
      </ul>
      <Heading level={2}>Wijzigen</Heading>
      <Paragraph>Een gepubliceerde versie verandert nooit. Een wijziging publiceert u als nieuwe versie; lopende beoordelingen houden hun versie.</Paragraph>
      <ButtonLink href="/ministerie/kwaliteitskader/nieuwe-versie">Nieuwe versie opstellen</ButtonLink>
    </Layout>
  );
}

export function NewFrameworkPage({ values, rows, errors = [], idempotencyKey }: { values: FormValues; rows: number; errors?: readonly FieldError[]; idempotencyKey: string }) {
  return (
    <Layout title="Nieuwe versie van het kwaliteitskader" errors={errors} before={<BackLink href="/ministerie/kwaliteitskader">Terug naar het kwaliteitskader</BackLink>}>
      <Paragraph>
        De criteria van de geldende versie staan al ingevuld. Pas ze aan, vul een lege rij in om een criterium toe te voegen, of maak alle velden van een
        criterium leeg om het te schrappen.
      </Paragraph>
      <Form action="/ministerie/kwaliteitskader/nieuwe-versie" label="Nieuwe versie van het kwaliteitskader">
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <input type="hidden" name="rows" value={rows} />
        <TextArea name="notes" label="Wat verandert er in deze versie?" value={values.notes} errors={errors} rows={3} />
        {Array.from({ length: rows }, (_, row) => {
          const fields = criterionFields(row);
          return (
            <fieldset className="utrecht-form-fieldset napl-criterion" key={row}>
              <legend className="utrecht-form-fieldset__legend">Criterium {row + 1}</legend>
              <TextField name={fields.code} label={`Code van criterium ${row + 1}`} description="Bijvoorbeeld K8." value={values[fields.code]} errors={errors} width="short" />
              <TextField name={fields.title} label={`Titel van criterium ${row + 1}`} value={values[fields.title]} errors={errors} />
              <TextArea name={fields.description} label={`Beschrijving van criterium ${row + 1}`} value={values[fields.description]} errors={errors} rows={2} />
              <TextArea name={fields.evidence} label={`Gevraagd bewijs bij criterium ${row + 1}`} value={values[fields.evidence]} errors={errors} rows={2} />
              <ChoiceGroup
                name={fields.required}
                label={`Is criterium ${row + 1} verplicht?`}
                description="Goedkeuren kan alleen als aan elk verplicht criterium is voldaan."
                multiple
                choices={[{ value: 'ja', label: `Criterium ${row + 1} is verplicht` }]}
                value={values[fields.required]}
                errors={errors}
              />
            </fieldset>
          );
        })}
        <Button>Versie publiceren</Button>
      </Form>
    </Layout>
  );
}
