import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Principal } from '@napl/auth';
import type { GatewayRequest } from '../../../callers/http/gateway-access.guard';
import { PortalApi } from '../../application/portal-api';
import { errorsOfProblem, formValues, type FormValues } from '../../http/form';
import { PortalPages, principalOf, redirectAfterPost, sendPage } from '../../http/portal-page';
import { Alert, BackLink, Button, ButtonLink, ChoiceGroup, Form, Heading, Paragraph, SelectField, SummaryList, TextField, type FieldError } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { Layout } from '../../ui/layout';
import { nameOf, SECTOR_NAMES, type Teacher } from './teacher-data';

const NOTICES: Record<string, string> = { gewist: 'Uw persoonsgegevens zijn gewist.', opgeslagen: 'Uw gegevens zijn opgeslagen.' };

const PROFILE_SECTORS = ['po', 'vo', 'mbo', 'vso'] as const;

/** The profile form's checks (the service checks again): a sector from the list, a name and an e-mail address that fit. */
export function profileErrors(values: FormValues): FieldError[] {
  const errors: FieldError[] = [];
  if (!(PROFILE_SECTORS as readonly string[]).includes(values.sector ?? '')) errors.push({ field: 'sector', message: 'Kies de sector waarin u lesgeeft' });
  if ((values.name ?? '').length > 200) errors.push({ field: 'name', message: 'Uw naam mag hoogstens 200 tekens lang zijn' });
  const email = values.email ?? '';
  if (email && (email.length > 320 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) errors.push({ field: 'email', message: 'Vul een e-mailadres in zoals naam@school.nl, of laat het leeg' });
  return errors;
}

/** What the platform keeps about the teacher, and erasing the personal data (after a confirmation). */
@PortalPages('mijn/gegevens')
export class MyDataController {
  constructor(private readonly api: PortalApi) {}

  @Get()
  async data(@Req() request: GatewayRequest, @Res() response: Response, @Query('melding') notice?: string): Promise<void> {
    const principal = principalOf(request, 'teacher');
    const teacher = await this.api.find<Teacher>(principal, 'enrolments', '/v1/teachers/me');
    sendPage(
      request,
      response,
      <Layout title="Mijn gegevens">
        {notice && NOTICES[notice] ? <Alert type="ok">{NOTICES[notice]}</Alert> : null}
        {teacher ? (
          <>
            <Paragraph lead>Dit zijn de gegevens die het platform over u bewaart.</Paragraph>
            <TeacherFacts teacher={teacher} />
            <Paragraph>
              <ButtonLink href="/mijn/gegevens/wijzigen" secondary>
                Gegevens wijzigen
              </ButtonLink>
            </Paragraph>
            <Heading level={2}>Persoonsgegevens wissen</Heading>
            {teacher.personalDataErased ? (
              <Paragraph>Uw persoonsgegevens zijn al gewist.</Paragraph>
            ) : (
              <>
                <Paragraph>
                  U kunt uw naam, e-mailadres, berichten en toelichtingen bij uw resultaten en evaluaties laten wissen. Uw inschrijvingen blijven bestaan onder uw pseudonieme
                  nummer, zodat tellingen en vergoedingen kloppen.
                </Paragraph>
                <ButtonLink href="/mijn/gegevens/wissen" secondary>
                  Mijn persoonsgegevens wissen
                </ButtonLink>
              </>
            )}
          </>
        ) : (
          <>
            <Paragraph lead>Het platform heeft nog geen gegevens over u. Die ontstaan bij uw eerste inschrijving, of als u ze hier invult.</Paragraph>
            <ButtonLink href="/mijn/gegevens/wijzigen">Gegevens invullen</ButtonLink>
          </>
        )}
      </Layout>,
    );
  }

  @Get('wijzigen')
  async editForm(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'teacher');
    const teacher = await this.api.find<Teacher>(principal, 'enrolments', '/v1/teachers/me');
    const values = { sector: teacher?.sector ?? '', name: teacher?.personalDataErased ? '' : (teacher?.name ?? ''), email: teacher?.personalDataErased ? '' : (teacher?.email ?? '') };
    sendPage(request, response, <ProfileForm values={values} errors={[]} />);
  }

  @Post('wijzigen')
  async save(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'teacher');
    const values = formValues(body);
    const errors = profileErrors(values);
    if (errors.length === 0) {
      const answer = await this.api.send(principal, 'enrolments', 'PUT', '/v1/teachers/me', { sector: values.sector, name: values.name || undefined, email: values.email || undefined });
      if (answer.ok) {
        redirectAfterPost(response, '/mijn/gegevens', 'opgeslagen');
        return;
      }
      errors.push(...errorsOfProblem(answer.problem, 'sector'));
    }
    sendPage(request, response, <ProfileForm values={values} errors={errors} />, 400);
  }

  @Get('wissen')
  async confirmErasure(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const principal = principalOf(request, 'teacher');
    sendPage(request, response, await this.erasurePage(principal, []));
  }

  @Post('wissen')
  async erase(@Req() request: GatewayRequest, @Res() response: Response, @Body() body: unknown): Promise<void> {
    const principal = principalOf(request, 'teacher');
    const values = formValues(body);
    if (values.zeker !== 'ja') {
      sendPage(request, response, await this.erasurePage(principal, [{ field: 'zeker', message: 'Vink aan dat u begrijpt dat wissen niet ongedaan kan worden' }]), 400);
      return;
    }
    const answer = await this.api.send(principal, 'enrolments', 'DELETE', `/v1/teachers/${principal.teacherId}/personal-data`);
    if (answer.ok) {
      redirectAfterPost(response, '/mijn/gegevens', 'gewist');
      return;
    }
    sendPage(request, response, await this.erasurePage(principal, errorsOfProblem(answer.problem, 'zeker')), answer.status >= 500 ? 502 : answer.status);
  }

  private async erasurePage(principal: Principal, errors: FieldError[]) {
    const teacher = await this.api.find<Teacher>(principal, 'enrolments', '/v1/teachers/me');
    return (
      <Layout title="Weet u zeker dat u uw persoonsgegevens wilt wissen?" errors={errors} before={<BackLink href="/mijn/gegevens">Terug naar mijn gegevens</BackLink>}>
        {teacher ? <TeacherFacts teacher={teacher} /> : null}
        <Heading level={2}>Wat er gebeurt</Heading>
        <ul className="utrecht-unordered-list">
          <li>Uw naam en e-mailadres worden gewist.</li>
          <li>Uw berichten, de toelichtingen van opleiders bij uw resultaten en uw toelichtingen bij evaluaties worden gewist.</li>
          <li>Uw inschrijvingen en de tellingen blijven, onder uw pseudonieme nummer.</li>
          <li>Dit kan niet ongedaan worden gemaakt.</li>
        </ul>
        <Form action="/mijn/gegevens/wissen" label="Persoonsgegevens wissen">
          <ChoiceGroup name="zeker" label="Bevestiging" multiple errors={errors} choices={[{ value: 'ja', label: 'Ik begrijp dat wissen niet ongedaan kan worden' }]} />
          <Button>Persoonsgegevens wissen</Button>
        </Form>
      </Layout>
    );
  }
}

function ProfileForm({ values, errors }: { values: FormValues; errors: readonly FieldError[] }) {
  return (
    <Layout title="Uw gegevens wijzigen" errors={errors} before={<BackLink href="/mijn/gegevens">Terug naar mijn gegevens</BackLink>}>
      <Form action="/mijn/gegevens/wijzigen" label="Gegevens wijzigen">
        <SelectField name="sector" label="Sector waarin u lesgeeft" value={values.sector} errors={errors} emptyLabel="Kies een sector" choices={PROFILE_SECTORS.map((sector) => ({ value: sector, label: SECTOR_NAMES[sector] }))} />
        <TextField name="name" label="Naam (optioneel)" value={values.name} errors={errors} autoComplete="name" />
        <TextField name="email" label="E-mailadres (optioneel)" type="email" value={values.email} errors={errors} autoComplete="email" description="Opleiders gebruiken dit alleen voor contact over uw inschrijving." />
        <Button>Gegevens opslaan</Button>
      </Form>
    </Layout>
  );
}

function TeacherFacts({ teacher }: { teacher: Teacher }) {
  return (
    <SummaryList
      rows={[
        ['Naam', teacher.personalDataErased ? 'Gewist' : (teacher.name ?? '–')],
        ['E-mailadres', teacher.personalDataErased ? 'Gewist' : (teacher.email ?? '–')],
        ['Sector', teacher.sector ? nameOf(SECTOR_NAMES, teacher.sector) : 'Nog niet ingevuld'],
        ['School', teacher.schoolName ?? '–'],
        ['Onderwijsregio', teacher.regionName ?? '–'],
        ['Deelnemer sinds', formatDate(teacher.participantSince)],
        ['Pseudoniem nummer', teacher.teacherId],
      ]}
    />
  );
}
