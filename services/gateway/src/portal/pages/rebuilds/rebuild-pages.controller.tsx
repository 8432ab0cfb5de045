import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { errorsOfProblem } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, DataTable, Form, Link, Paragraph, SummaryList, Tag } from '../../ui/components';
import { formatDateTime, formatNumber, formatPercent } from '../../ui/format';
import { Layout } from '../../ui/layout';

interface TopicProgress {
  readonly topic: string;
  readonly offsetsRead: number;
  readonly endOffsets: number;
  readonly caughtUp: boolean;
}

interface RebuildRun {
  readonly runId: string;
  readonly status: 'running' | 'switched' | 'failed' | 'abandoned';
  readonly phase: 'preparing' | 'reading' | 'switching' | 'done';
  readonly requestedBy: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly eventsApplied: number;
  readonly topics: readonly TopicProgress[];
  readonly error: string | null;
}

const STATUS: Record<RebuildRun['status'], string> = { running: 'Bezig', switched: 'Klaar: de nieuwe cijfers zijn in gebruik', failed: 'Mislukt', abandoned: 'Afgebroken' };
const PHASE: Record<RebuildRun['phase'], string> = { preparing: 'Voorbereiden', reading: 'Gebeurtenissen lezen', switching: 'Overschakelen', done: 'Afgerond' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Rebuilding the monitoring figures from the start of the topics (a long operation): start it, and follow its
 * progress per topic. The live figures stay available meanwhile; the monitoring service switches when caught up.
 */
@PortalPages('ministerie/herbouw')
export class RebuildPagesController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async list(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'ministry', 'admin');
    const runs = await this.api.get<RebuildRun[]>(principal, 'monitoring', '/v1/rebuilds');
    sendPage(request, response, <RebuildListPage runs={runs} />);
  }

  @Post()
  async start(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'ministry', 'admin');
    const answer = await this.api.send<RebuildRun>(principal, 'monitoring', 'POST', '/v1/rebuilds');
    if (answer.ok) return redirectAfterPost(response, `/ministerie/herbouw/${answer.body.runId}`, 'gestart');
    const runs = await this.api.get<RebuildRun[]>(principal, 'monitoring', '/v1/rebuilds');
    sendPage(request, response, <RebuildListPage runs={runs} errors={errorsOfProblem(answer.problem, 'start')} />, answer.status);
  }

  @Get(':runId')
  async show(@Param('runId') runId: string, @Query('melding') notice: unknown, @Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'ministry', 'admin');
    const run = UUID.test(runId) ? await this.api.find<RebuildRun>(principal, 'monitoring', `/v1/rebuilds/${runId}`) : undefined;
    if (!run) return sendPage(request, response, <Layout title="Herbouw niet gevonden"><BackLink href="/ministerie/herbouw">Alle herbouwingen</BackLink></Layout>, 404);
    sendPage(request, response, <RebuildPage run={run} started={notice === 'gestart'} />);
  }
}

function RebuildListPage({ runs, errors = [] }: { runs: readonly RebuildRun[]; errors?: { field: string; message: string }[] }) {
  const running = runs.some((run) => run.status === 'running');
  return (
    <Layout title="Cijfers opnieuw opbouwen" errors={errors} before={<BackLink href="/ministerie">Dashboard</BackLink>}>
      <Paragraph>
        Alle cijfers van de monitoring worden opnieuw berekend vanaf de eerste gebeurtenis. De huidige cijfers blijven zichtbaar tot de nieuwe
        helemaal bijgelezen zijn; dan schakelt de monitoring in één keer over.
      </Paragraph>
      {running ? (
        <Alert type="info">Er loopt al een herbouw. U kunt pas een nieuwe starten als deze klaar is.</Alert>
      ) : (
        <Form action="/ministerie/herbouw" label="Herbouw starten">
          <span id="field-start" />
          <Button>Herbouw starten</Button>
        </Form>
      )}
      <DataTable
        caption="De laatste herbouwingen"
        rowKey={(run) => run.runId}
        rows={runs}
        empty="Er is nog geen herbouw gedaan."
        columns={[
          { header: 'Gestart', cell: (run) => <Link href={`/ministerie/herbouw/${run.runId}`}>{formatDateTime(run.startedAt)}</Link> },
          { header: 'Status', cell: (run) => STATUS[run.status] },
          { header: 'Gebeurtenissen', cell: (run) => formatNumber(run.eventsApplied), numeric: true },
          { header: 'Door', cell: (run) => run.requestedBy },
        ]}
      />
    </Layout>
  );
}

function RebuildPage({ run, started }: { run: RebuildRun; started: boolean }) {
  const running = run.status === 'running';
  return (
    <Layout title="Herbouw van de cijfers" before={<BackLink href="/ministerie/herbouw">Alle herbouwingen</BackLink>}>
      {started ? <Alert type="ok">De herbouw is gestart.</Alert> : null}
      {/* Kept up to date by the portal's script while the rebuild runs (aria-live: read out when it changes). */}
      <div id="herbouw-voortgang" aria-live="polite" data-refresh-ms={running ? '2000' : undefined}>
        <SummaryList
          rows={[
            ['Status', <Tag key="status">{STATUS[run.status]}</Tag>],
            ['Fase', PHASE[run.phase]],
            ['Gestart', formatDateTime(run.startedAt)],
            ['Klaar', run.finishedAt ? formatDateTime(run.finishedAt) : 'nog niet'],
            ['Gebeurtenissen verwerkt', formatNumber(run.eventsApplied)],
          ]}
        />
        {run.error ? <Alert type="error">{run.error}</Alert> : null}
        <DataTable
          caption="Voortgang per topic"
          rowKey={(topic) => topic.topic}
          rows={run.topics}
          empty="De topics worden nog voorbereid."
          columns={[
            { header: 'Topic', cell: (topic) => topic.topic },
            {
              header: 'Gelezen',
              cell: (topic) => (
                <>
                  <progress className="napl-progress" max={Math.max(topic.endOffsets, 1)} value={topic.offsetsRead} aria-label={`Voortgang ${topic.topic}`} />{' '}
                  {topic.endOffsets === 0 ? 'leeg' : formatPercent(topic.offsetsRead / topic.endOffsets)}
                </>
              ),
            },
            { header: 'Gebeurtenissen', cell: (topic) => `${formatNumber(topic.offsetsRead)} van ${formatNumber(topic.endOffsets)}`, numeric: true },
            { header: 'Bijgelezen', cell: (topic) => (topic.caughtUp ? 'ja' : 'nee') },
          ]}
        />
      </div>
      {running ? (
        <Paragraph>
          <Link href={`/ministerie/herbouw/${run.runId}`}>Voortgang opnieuw laden</Link>
        </Paragraph>
      ) : null}
    </Layout>
  );
}
