import { randomUUID } from 'node:crypto';
import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { errorsOfProblem, formList, formValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, ChoiceGroup, DataTable, Form, Heading, Link, Paragraph, SelectField, SummaryList, type FieldError } from '../../ui/components';
import { formatDate, formatNumber } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { isUuid, notFound, periodOf, requireUuid, runsById, type Enrolment, type EnrolmentRun, type Page, type Teacher, type TeacherPath } from './teacher-data';

interface TeamPaths {
  readonly paths: readonly {
    pathId: string;
    pathTitle: string;
    teachers: number;
    completed: number;
    steps: readonly { code: string; title: string; completed: number }[];
  }[];
  readonly teachersWithConsent: readonly TeacherPath[];
}

interface TeamEnrolment {
  readonly teamEnrolmentId: string;
  readonly run: EnrolmentRun | undefined;
  readonly enrolments: readonly Enrolment[];
}

const NOTICES: Record<string, string> = {
  'team-ingeschreven': 'Het team is ingeschreven.',
  'team-geannuleerd': 'De inschrijving van het team is geannuleerd.',
};

/** A school leader's team: the path progress (counts, and per teacher with consent), enrolling a team in a team programme, and cancelling that. */
@PortalPages('team')
export class TeamPagesController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async team(@Req() request: GatewayRequest, @Res() response: Response, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'school-leader');
    const schoolId = schoolOf(principal);
    const [progress, enrolments, runs] = await Promise.all([
      this.api.get<TeamPaths>(principal, 'paths', `/v1/schools/${encodeURIComponent(schoolId)}/team-paths`),
      this.api.getAll<Enrolment>(principal, 'enrolments', '/v1/enrolments', {}, 10),
      this.teamRuns(principal),
    ]);
    const names = await this.teacherNames(principal, progress.teachersWithConsent.map((path) => path.teacherId));
    const teamEnrolments = await this.teamEnrolments(principal, enrolments);
    const activeTeams = teamEnrolments.filter((team) => team.enrolments.some(isActive));
    const cancelledTeams = teamEnrolments.length - activeTeams.length;
    sendPage(
      request,
      response,
      <Layout title="Mijn team">
        {notice && NOTICES[notice] ? <Alert type="ok">{NOTICES[notice]}</Alert> : null}
        <Heading level={2}>Voortgang op de ontwikkelpaden</Heading>
        {progress.paths.length === 0 ? <Paragraph>Nog geen leraar van uw school volgt een ontwikkelpad.</Paragraph> : null}
        {progress.paths.map((path) => (
          <div key={path.pathId}>
            <Heading level={3}>{path.pathTitle}</Heading>
            <Paragraph>
              {formatNumber(path.teachers)} {path.teachers === 1 ? 'leraar volgt' : 'leraren volgen'} dit pad; {formatNumber(path.completed)} {path.completed === 1 ? 'heeft' : 'hebben'} het afgerond.
            </Paragraph>
            <DataTable
              caption={`Afgeronde stappen van ${path.pathTitle}`}
              rows={path.steps}
              rowKey={(step) => step.code}
              columns={[
                { header: 'Stap', cell: (step) => `${step.code}: ${step.title}` },
                { header: 'Afgerond door', cell: (step) => `${formatNumber(step.completed)} van ${formatNumber(path.teachers)}`, numeric: true },
              ]}
            />
          </div>
        ))}
        <Heading level={2}>Per leraar (met toestemming)</Heading>
        <DataTable
          caption="Voortgang van leraren die toestemming gaven"
          rows={progress.teachersWithConsent}
          rowKey={(path) => path.teacherPathId}
          empty="Nog geen leraar gaf toestemming om de eigen voortgang te tonen."
          columns={[
            { header: 'Leraar', cell: (path) => names.get(path.teacherId) ?? path.teacherId },
            { header: 'Pad', cell: (path) => path.pathTitle },
            { header: 'Stappen afgerond', cell: (path) => `${formatNumber(path.completedSteps)} van ${formatNumber(path.totalSteps)}`, numeric: true },
            { header: 'Afgerond', cell: (path) => (path.completedAt ? formatDate(path.completedAt) : 'Nog niet') },
          ]}
        />
        <Heading level={2}>Teaminschrijvingen</Heading>
        <DataTable
          caption="Teams van uw school die zijn ingeschreven"
          rows={activeTeams}
          rowKey={(team) => team.teamEnrolmentId}
          empty="Uw school heeft nu geen team ingeschreven."
          columns={[
            { header: 'Aanbod', cell: (team) => team.run?.offerTitle ?? '–' },
            { header: 'Periode', cell: (team) => (team.run ? periodOf(team.run.startDate, team.run.endDate, formatDate) : '–') },
            { header: 'Leraren', cell: (team) => formatNumber(team.enrolments.filter(isActive).length), numeric: true },
            { header: 'Actie', cell: (team) => <Link href={`/team/inschrijvingen/${team.teamEnrolmentId}/annuleren`}>{`Annuleren: ${team.run?.offerTitle ?? 'team'}`}</Link> },
          ]}
        />
        {cancelledTeams > 0 ? <Paragraph>{cancelledTeams === 1 ? 'Eén eerdere teaminschrijving is geannuleerd.' : `${formatNumber(cancelledTeams)} eerdere teaminschrijvingen zijn geannuleerd.`}</Paragraph> : null}
        <Heading level={2}>Een team inschrijven</Heading>
        <DataTable
          caption="Teamprogramma's waarvoor u een team kunt inschrijven"
          rows={runs}
          rowKey={(run) => run.runId}
          empty="Er zijn nu geen teamprogramma's met vrije plaatsen."
          columns={[
            { header: 'Aanbod', cell: (run) => <Link href={`/aanbod/${run.offerId}`}>{run.offerTitle}</Link> },
            { header: 'Periode', cell: (run) => periodOf(run.startDate, run.endDate, formatDate) },
            { header: 'Plaatsen vrij', cell: (run) => formatNumber(run.placesLeft), numeric: true },
            { header: 'Inschrijven', cell: (run) => <Link href={`/team/inschrijven?run=${run.runId}`}>{`Team inschrijven: ${run.offerTitle}, ${formatDate(run.startDate)}`}</Link> },
          ]}
        />
      </Layout>,
    );
  }

  @Get('inschrijven')
  async chooseTeam(@Req() request: GatewayRequest, @Res() response: Response, @Query('run') runId?: string): Promise<void> {
    const principal = principalOf(request, 'school-leader');
    sendPage(request, response, await this.chooseTeamPage(principal, { runId: typeof runId === 'string' && isUuid(runId) ? runId : '', teacherIds: [] }, []));
  }

  /** The choice checked: the check page (GOV.UK "check your answers"), or the form again with what is wrong. */
  @Post('inschrijven')
  async checkTeam(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'school-leader');
    const choice = { runId: formValues(body).runId ?? '', teacherIds: formList(body, 'teacherIds') };
    const errors = validateChoice(choice);
    if (errors.length > 0) {
      sendPage(request, response, await this.chooseTeamPage(principal, choice, errors), 400);
      return;
    }
    sendPage(request, response, await this.checkTeamPage(principal, choice, randomUUID(), []));
  }

  @Post('inschrijven/bevestigen')
  async enrolTeam(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'school-leader');
    const values = formValues(body);
    const choice = { runId: values.runId ?? '', teacherIds: formList(body, 'teacherIds') };
    const errors = validateChoice(choice);
    if (errors.length > 0) {
      sendPage(request, response, await this.chooseTeamPage(principal, choice, errors), 400);
      return;
    }
    const idempotencyKey = isUuid(values.idempotencyKey) ? values.idempotencyKey : randomUUID();
    const answer = await this.api.send(principal, 'enrolments', 'POST', `/v1/runs/${choice.runId}/team-enrolments`, { teacherIds: choice.teacherIds }, { idempotencyKey });
    if (answer.ok) {
      redirectAfterPost(response, '/team', 'team-ingeschreven');
      return;
    }
    // Refused (someone already enrolled, too few places): the choice again, with the reason, so it can be changed.
    sendPage(request, response, await this.chooseTeamPage(principal, choice, errorsOfProblem(answer.problem, 'teacherIds')), answer.status >= 500 ? 502 : answer.status);
  }

  @Get('inschrijvingen/:teamEnrolmentId/annuleren')
  async confirmCancel(@Req() request: GatewayRequest, @Res() response: Response, @Param('teamEnrolmentId') teamEnrolmentId: string): Promise<void> {
    const principal = principalOf(request, 'school-leader');
    sendPage(request, response, await this.cancelPage(principal, teamEnrolmentId, []));
  }

  /** Cancels every active enrolment of the team (the API cancels one enrolment at a time). */
  @Post('inschrijvingen/:teamEnrolmentId/annuleren')
  async cancel(@Req() request: GatewayRequest, @Res() response: Response, @Param('teamEnrolmentId') teamEnrolmentId: string): Promise<void> {
    const principal = principalOf(request, 'school-leader');
    const team = await this.teamEnrolment(principal, teamEnrolmentId);
    const errors: FieldError[] = [];
    for (const enrolment of team.enrolments.filter(isActive)) {
      const answer = await this.api.send(principal, 'enrolments', 'POST', `/v1/enrolments/${enrolment.enrolmentId}/cancel`);
      if (!answer.ok) errors.push(...errorsOfProblem(answer.problem, 'annuleren'));
    }
    if (errors.length === 0) {
      redirectAfterPost(response, '/team', 'team-geannuleerd');
      return;
    }
    sendPage(request, response, await this.cancelPage(principal, teamEnrolmentId, errors), 409);
  }

  private async chooseTeamPage(principal: Principal, choice: TeamChoice, errors: FieldError[]) {
    const [runs, enrolments, progress] = await Promise.all([
      this.teamRuns(principal),
      this.api.getAll<Enrolment>(principal, 'enrolments', '/v1/enrolments', {}, 10),
      this.api.get<TeamPaths>(principal, 'paths', `/v1/schools/${encodeURIComponent(schoolOf(principal))}/team-paths`),
    ]);
    // No API lists a school's teachers: the teachers the school knows are those with an enrolment or a shared path.
    const known = [...enrolments.map((enrolment) => enrolment.teacherId), ...progress.teachersWithConsent.map((path) => path.teacherId), ...choice.teacherIds.filter(isUuid)];
    const names = await this.teacherNames(principal, known);
    return (
      <Layout title="Welke leraren schrijft u in?" caption="Een team inschrijven" errors={errors} before={<BackLink href="/team">Terug naar mijn team</BackLink>}>
        <Paragraph lead>Alle gekozen leraren worden samen ingeschreven, of niemand als er iets niet klopt.</Paragraph>
        <Form action="/team/inschrijven" label="Team kiezen">
          <SelectField
            name="runId"
            label="Teamprogramma"
            value={choice.runId}
            errors={errors}
            emptyLabel="Kies een uitvoering"
            choices={runs.map((run) => ({ value: run.runId, label: `${run.offerTitle}, ${periodOf(run.startDate, run.endDate, formatDate)} (${formatNumber(run.placesLeft)} plaatsen vrij)` }))}
          />
          {names.size > 0 ? (
            <ChoiceGroup name="teacherIds" label="Leraren van uw school" multiple value={choice.teacherIds} errors={errors} choices={[...names].map(([value, label]) => ({ value, label }))} />
          ) : (
            <Paragraph>Het platform kent nog geen leraren van uw school: een leraar komt in deze lijst na een eerste inschrijving.</Paragraph>
          )}
          <Button>Doorgaan</Button>
        </Form>
      </Layout>
    );
  }

  private async checkTeamPage(principal: Principal, choice: TeamChoice, idempotencyKey: string, errors: FieldError[]) {
    const [run, names] = await Promise.all([this.api.get<EnrolmentRun>(principal, 'enrolments', `/v1/runs/${choice.runId}`), this.teacherNames(principal, choice.teacherIds)]);
    return (
      <Layout title="Controleer de teaminschrijving" caption={run.offerTitle} errors={errors} before={<BackLink href={`/team/inschrijven?run=${choice.runId}`}>Terug naar de keuze</BackLink>}>
        <SummaryList
          rows={[
            ['Aanbod', run.offerTitle],
            ['Periode', periodOf(run.startDate, run.endDate, formatDate)],
            ['Plaatsen vrij', formatNumber(run.placesLeft)],
            ['Leraren', <ul className="utrecht-unordered-list">{choice.teacherIds.map((teacherId) => <li key={teacherId}>{names.get(teacherId) ?? teacherId}</li>)}</ul>],
          ]}
        />
        <Form action="/team/inschrijven/bevestigen" label="Teaminschrijving bevestigen">
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <input type="hidden" name="runId" value={choice.runId} />
          {choice.teacherIds.map((teacherId) => (
            <input key={teacherId} type="hidden" name="teacherIds" value={teacherId} />
          ))}
          <Button>Team inschrijven</Button>
        </Form>
      </Layout>
    );
  }

  private async cancelPage(principal: Principal, teamEnrolmentId: string, errors: FieldError[]) {
    const team = await this.teamEnrolment(principal, teamEnrolmentId);
    const names = await this.teacherNames(principal, team.enrolments.map((enrolment) => enrolment.teacherId));
    return (
      <Layout title="Weet u zeker dat u de teaminschrijving wilt annuleren?" caption={team.run?.offerTitle} errors={errors} before={<BackLink href="/team">Terug naar mijn team</BackLink>}>
        <SummaryList
          rows={[
            ['Aanbod', team.run?.offerTitle ?? '–'],
            ['Periode', team.run ? periodOf(team.run.startDate, team.run.endDate, formatDate) : '–'],
            ['Leraren', <ul className="utrecht-unordered-list">{team.enrolments.filter(isActive).map((enrolment) => <li key={enrolment.enrolmentId}>{names.get(enrolment.teacherId) ?? enrolment.teacherId}</li>)}</ul>],
          ]}
        />
        <Paragraph>Alle leraren van dit team worden uitgeschreven.</Paragraph>
        <Form action={`/team/inschrijvingen/${team.teamEnrolmentId}/annuleren`} label="Teaminschrijving annuleren">
          <div id="field-annuleren">
            <Button>Ja, teaminschrijving annuleren</Button>
          </div>
        </Form>
      </Layout>
    );
  }

  /** Runs of team programmes a team can still enrol in. */
  private async teamRuns(principal: Principal): Promise<EnrolmentRun[]> {
    const page = await this.api.get<Page<EnrolmentRun>>(principal, 'enrolments', '/v1/runs', { limit: 100, enrolment: 'open' });
    return page.items.filter((run) => run.teamProgramme && run.status === 'scheduled' && run.enrolment === 'open');
  }

  private async teamEnrolments(principal: Principal, enrolments: readonly Enrolment[]): Promise<TeamEnrolment[]> {
    const byTeam = new Map<string, Enrolment[]>();
    for (const enrolment of enrolments) if (enrolment.teamEnrolmentId) byTeam.set(enrolment.teamEnrolmentId, [...(byTeam.get(enrolment.teamEnrolmentId) ?? []), enrolment]);
    const runs = await runsById(this.api, principal, [...byTeam.values()].map((team) => team[0].runId));
    return [...byTeam].map(([teamEnrolmentId, members]) => ({ teamEnrolmentId, run: runs.get(members[0].runId), enrolments: members }));
  }

  private async teamEnrolment(principal: Principal, teamEnrolmentId: string): Promise<TeamEnrolment> {
    requireUuid(teamEnrolmentId);
    const enrolments = await this.api.getAll<Enrolment>(principal, 'enrolments', '/v1/enrolments', {}, 10);
    const team = (await this.teamEnrolments(principal, enrolments)).find((item) => item.teamEnrolmentId === teamEnrolmentId);
    return team ?? notFound();
  }

  /** Names of teachers of the school (a teacher whose data was erased, or whom the school does not know, by number). */
  private async teacherNames(principal: Principal, teacherIds: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(teacherIds)].filter(isUuid);
    const teachers = await Promise.all(unique.map((teacherId) => this.api.find<Teacher>(principal, 'enrolments', `/v1/teachers/${teacherId}`).catch(() => undefined)));
    return new Map(unique.map((teacherId, index) => [teacherId, teachers[index]?.name ?? `Leraar ${teacherId.slice(-6)}`]));
  }
}

interface TeamChoice {
  readonly runId: string;
  readonly teacherIds: readonly string[];
}

const isActive = (enrolment: Enrolment): boolean => enrolment.status === 'confirmed' || enrolment.status === 'waitlisted';

function schoolOf(principal: Principal): string {
  return principal.schoolId ?? notFound();
}

export function validateChoice(choice: TeamChoice): FieldError[] {
  const errors: FieldError[] = [];
  if (!isUuid(choice.runId)) errors.push({ field: 'runId', message: 'Kies een teamprogramma' });
  if (choice.teacherIds.length === 0) errors.push({ field: 'teacherIds', message: 'Kies minstens één leraar' });
  else if (!choice.teacherIds.every(isUuid)) errors.push({ field: 'teacherIds', message: 'Kies leraren uit de lijst' });
  return errors;
}
