import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { PageQuery, type Page } from '@napl/service-kit';
import { UuidParam } from '../../shared/uuid-param';
import { EnrolmentError } from '../domain/enrolment.errors';
import { EnrolmentsQueries, viewOf, type EnrolmentView } from '../application/enrolments.queries';
import { EnrolmentsService } from '../application/enrolments.service';
import {
  AttendanceDto,
  AttendanceRowDto,
  EnrolmentDetailDto,
  EnrolmentPageDto,
  EnrolmentsFilterDto,
  EnrolmentViewDto,
  NotificationDto,
  NotificationPageDto,
  ResultDto,
  TeamEnrolmentDto,
  TeamEnrolmentViewDto,
} from './enrolment.dto';

/** Visible ASCII, as HTTP header values allow; long enough for a UUID or a client's own scheme. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller('v1')
export class EnrolmentsController {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly queries: EnrolmentsQueries,
  ) {}

  @Post('runs/:runId/enrolments')
  @Roles('teacher')
  @ApiOperation({ summary: 'Inschrijven voor een uitvoering: bevestigd zolang er plaats is, anders op de wachtlijst.' })
  @ApiParam({ name: 'runId', format: 'uuid' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Eigen sleutel van de client; herhaling geeft de oorspronkelijke inschrijving terug.' })
  @ApiCreatedResponse({
    type: EnrolmentViewDto,
    description: 'Ingeschreven (bevestigd of op de wachtlijst). Een herhaald verzoek met dezelfde Idempotency-Key krijgt hetzelfde antwoord met de kop Idempotent-Replayed: true.',
  })
  @ApiConflictResponse({ description: 'Al ingeschreven, inschrijftermijn verstreken of uitvoering geannuleerd.' })
  @ApiUnprocessableEntityResponse({
    description:
      'De school uit uw inlog is niet bekend (SCHOOL_UNKNOWN) of uw inlog noemt geen school (TEACHER_NOT_REGISTERED), aanbod niet gepubliceerd, ' +
      'of Idempotency-Key al gebruikt voor een andere uitvoering. Zonder docentprofiel maakt de eerste inschrijving het uit uw inlog.',
  })
  async enrol(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('runId') runId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EnrolmentView> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new EnrolmentError('INVALID_INPUT', 'invalid', 'De Idempotency-Key moet uit 1 tot 200 zichtbare ASCII-tekens bestaan.');
    }
    const placed = await this.enrolments.enrol(principal, runId, idempotencyKey);
    // A repeated Idempotency-Key gets the first answer again, marked as a replay: the platform's one convention.
    if (placed.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return viewOf(placed.enrolment, placed.position);
  }

  @Post('runs/:runId/team-enrolments')
  @Roles('school-leader')
  @ApiOperation({ summary: 'Een team van de eigen school inschrijven voor een teamprogramma: allemaal bevestigd, of niemand.' })
  @ApiParam({ name: 'runId', format: 'uuid' })
  @ApiCreatedResponse({ type: TeamEnrolmentViewDto })
  @ApiConflictResponse({ description: 'Niet genoeg plaatsen voor het hele team, of al ingeschreven.' })
  @ApiUnprocessableEntityResponse({ description: 'Niet alle docenten hebben een docentprofiel bij uw school, of geen teamprogramma.' })
  async enrolTeam(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('runId') runId: string,
    @Body() body: TeamEnrolmentDto,
  ): Promise<{ teamEnrolmentId: string; enrolments: EnrolmentView[] }> {
    const team = await this.enrolments.enrolTeam(principal, runId, body.teacherIds);
    return { teamEnrolmentId: team.teamEnrolmentId, enrolments: team.enrolments.map((enrolment) => viewOf(enrolment, null)) };
  }

  @Get('enrolments')
  @Roles('teacher', 'school-leader', 'provider', 'admin')
  @ApiOperation({ summary: 'Inschrijvingen: een docent ziet de eigen, een aanbieder die van eigen uitvoeringen, een schoolleider die van de eigen school.' })
  @ApiOkResponse({ type: EnrolmentPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() filter: EnrolmentsFilterDto): Promise<Page<EnrolmentView>> {
    return this.queries.list(principal, filter);
  }

  @Get('enrolments/:enrolmentId')
  @ApiOperation({ summary: 'Eén inschrijving met aanwezigheid.' })
  @ApiParam({ name: 'enrolmentId', format: 'uuid' })
  @ApiOkResponse({ type: EnrolmentDetailDto })
  @ApiNotFoundResponse({ description: 'Onbekende inschrijving, of een die niet voor u zichtbaar is (hetzelfde antwoord).' })
  get(@CurrentPrincipal() principal: Principal, @UuidParam('enrolmentId') enrolmentId: string): Promise<EnrolmentDetailDto> {
    return this.queries.get(principal, enrolmentId);
  }

  @Post('enrolments/:enrolmentId/cancel')
  @HttpCode(200)
  @Roles('teacher', 'provider', 'school-leader')
  @ApiOperation({ summary: 'Inschrijving annuleren: docent of schoolleider vóór de start, aanbieder van de uitvoering altijd. De eerste op de wachtlijst schuift door.' })
  @ApiParam({ name: 'enrolmentId', format: 'uuid' })
  @ApiOkResponse({ type: EnrolmentViewDto })
  @ApiConflictResponse({ description: 'Al geannuleerd of afgesloten, of de uitvoering is al begonnen.' })
  async cancel(@CurrentPrincipal() principal: Principal, @UuidParam('enrolmentId') enrolmentId: string): Promise<EnrolmentView> {
    return viewOf(await this.enrolments.cancel(principal, enrolmentId), null);
  }

  @Put('enrolments/:enrolmentId/attendance')
  @Roles('provider')
  @ApiOperation({ summary: 'Aanwezigheid bij een bijeenkomst vastleggen (aanbieder van de uitvoering, vanaf de startdatum).' })
  @ApiParam({ name: 'enrolmentId', format: 'uuid' })
  @ApiOkResponse({ type: [AttendanceRowDto], description: 'Alle vastgelegde aanwezigheid van deze inschrijving.' })
  @ApiConflictResponse({ description: 'Uitvoering nog niet begonnen of inschrijving niet bevestigd.' })
  async attendance(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('enrolmentId') enrolmentId: string,
    @Body() body: AttendanceDto,
  ): Promise<AttendanceRowDto[]> {
    const rows = await this.enrolments.recordAttendance(principal, enrolmentId, body.session, body.attended);
    return rows.map((row) => ({ session: row.sessionNumber, attended: row.attended }));
  }

  @Put('enrolments/:enrolmentId/result')
  @Roles('provider')
  @ApiOperation({ summary: 'Resultaat vastleggen na de einddatum: afgerond, of niet afgerond met reden (aanbieder van de uitvoering).' })
  @ApiParam({ name: 'enrolmentId', format: 'uuid' })
  @ApiOkResponse({ type: EnrolmentViewDto })
  @ApiConflictResponse({ description: 'Uitvoering nog niet afgelopen, of resultaat al vastgelegd.' })
  async result(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('enrolmentId') enrolmentId: string,
    @Body() body: ResultDto,
  ): Promise<EnrolmentView> {
    return viewOf(await this.enrolments.recordResult(principal, enrolmentId, body), null);
  }

  @Get('teachers/me/notifications')
  @Roles('teacher')
  @ApiOperation({ summary: 'Berichten aan de docent over de eigen inschrijvingen (doorgeschoven van de wachtlijst, uitvoering geannuleerd).' })
  @ApiOkResponse({ type: NotificationPageDto })
  notifications(@CurrentPrincipal() principal: Principal, @Query() paging: PageQuery): Promise<Page<NotificationDto>> {
    return this.queries.notifications(principal, paging);
  }
}
