import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { Idempotent, type Page } from '@napl/service-kit';
import { AmendClaim } from '../application/amend-claim';
import { ClaimQueries } from '../application/claim-queries';
import type { ClaimView } from '../application/claim-views';
import { CreateClaim } from '../application/create-claim';
import { DecideClaim } from '../application/decide-claim';
import { SubmitClaim } from '../application/submit-claim';
import type { DecisionInput } from '../domain/claim';
import { ClaimError } from '../domain/claim.errors';
import { AmendmentDto, ClaimListQuery, ClaimPageResponse, ClaimResponse, CreateClaimDto, DecisionDto } from './claim.dto';

const claimIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new ClaimError('CLAIM_NOT_FOUND', 'not-found', 'Deze declaratie bestaat niet.') });

/** Exactly one of the two forms: one decision for all lines, or one per line. */
function decisionOf(body: DecisionDto): DecisionInput {
  if (body.lines && body.decision === undefined) return { lines: body.lines.map((line) => ({ lineNo: line.lineNo, decision: line.decision, reason: line.reason ?? null })) };
  if (body.decision !== undefined && !body.lines) return { decision: body.decision, reason: body.reason ?? null };
  throw new ClaimError('INVALID_DECISION', 'invalid', 'Geef óf één besluit voor alle regels (decision), óf een besluit per regel (lines).');
}

@ApiTags('declaraties')
@ApiBearerAuth()
@Controller('v1/claims')
export class ClaimsController {
  constructor(
    private readonly createClaim: CreateClaim,
    private readonly submitClaim: SubmitClaim,
    private readonly decideClaim: DecideClaim,
    private readonly amendClaim: AmendClaim,
    private readonly claims: ClaimQueries,
  ) {}

  @Post()
  @Idempotent()
  @Roles('region')
  @ApiOperation({ summary: 'Een declaratie als concept opstellen uit inschrijvingen van scholen in de eigen regio' })
  @ApiCreatedResponse({ type: ClaimResponse })
  @ApiUnprocessableEntityResponse({ description: 'Een inschrijving hoort niet bij de regio of is onbekend (LINES_NOT_IN_REGION); elke zulke regel staat in lines.' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateClaimDto): Promise<ClaimView> {
    return this.createClaim.execute(principal, body.enrolmentIds, body.reference ?? '');
  }

  @Get()
  @Roles('region', 'ministry', 'admin')
  @ApiOperation({ summary: 'Declaraties, nieuwste eerst (een regio de eigen, het ministerie alle)' })
  @ApiOkResponse({ type: ClaimPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ClaimListQuery): Promise<Page<ClaimView>> {
    return this.claims.list(principal, { status: query.status, regionId: query.regionId }, query);
  }

  @Get(':claimId')
  @Roles('region', 'ministry', 'admin')
  @ApiOperation({ summary: 'Eén declaratie met al haar regels' })
  @ApiOkResponse({ type: ClaimResponse })
  get(@CurrentPrincipal() principal: Principal, @Param('claimId', claimIdPipe) claimId: string): Promise<ClaimView> {
    return this.claims.get(principal, claimId);
  }

  @Delete(':claimId')
  @Roles('region')
  @HttpCode(204)
  @ApiOperation({ summary: 'Een concept weggooien' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'Al ingediend (CLAIM_NOT_DRAFT).' })
  delete(@CurrentPrincipal() principal: Principal, @Param('claimId', claimIdPipe) claimId: string): Promise<void> {
    return this.claims.deleteDraft(principal, claimId);
  }

  @Post(':claimId/submit')
  @Idempotent()
  @Roles('region')
  @HttpCode(200)
  @ApiOperation({ summary: 'Indienen: elke regel wordt gecontroleerd en het bedrag vastgelegd tegen het budget (publiceert ClaimSubmitted)' })
  @ApiOkResponse({ type: ClaimResponse })
  @ApiConflictResponse({ description: 'Al ingediend (CLAIM_NOT_DRAFT), of een regel staat al in een andere declaratie (LINE_ALREADY_CLAIMED).' })
  @ApiUnprocessableEntityResponse({ description: 'Regels voldoen niet (LINES_REFUSED): elke regel met de reden staat in lines; er is niets vastgelegd.' })
  submit(@CurrentPrincipal() principal: Principal, @Param('claimId', claimIdPipe) claimId: string): Promise<ClaimView> {
    return this.submitClaim.execute(principal, claimId);
  }

  @Post(':claimId/decision')
  @Idempotent()
  @Roles('ministry', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Besluiten: goedkeuren, deels goedkeuren (per regel, met redenen) of afwijzen' })
  @ApiOkResponse({ type: ClaimResponse })
  @ApiConflictResponse({ description: 'Nog niet ingediend, of al besloten: alleen via een wijziging (CLAIM_ALREADY_DECIDED).' })
  @ApiUnprocessableEntityResponse({ description: 'Niet elke regel besloten, of een afwijzing zonder reden (INVALID_DECISION).' })
  decide(@CurrentPrincipal() principal: Principal, @Param('claimId', claimIdPipe) claimId: string, @Body() body: DecisionDto): Promise<ClaimView> {
    return this.decideClaim.execute(principal, claimId, decisionOf(body));
  }

  @Post(':claimId/amendments')
  @Idempotent()
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Een besluit wijzigen, met toelichting: vrijgeven, terugvorderen of alsnog goedkeuren' })
  @ApiCreatedResponse({ type: ClaimResponse })
  @ApiConflictResponse({ description: 'Nog niet besloten (CLAIM_NOT_DECIDED), of de regel staat al in een andere declaratie.' })
  amend(@CurrentPrincipal() principal: Principal, @Param('claimId', claimIdPipe) claimId: string, @Body() body: AmendmentDto): Promise<ClaimView> {
    return this.amendClaim.execute(
      principal,
      claimId,
      body.note,
      body.lines.map((line) => ({ lineNo: line.lineNo, decision: line.decision, reason: line.reason ?? null })),
    );
  }
}
