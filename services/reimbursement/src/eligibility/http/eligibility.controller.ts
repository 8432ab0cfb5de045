import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import type { Page } from '@napl/service-kit';
import { regionIdPipe } from '../../regions/http/region-params';
import { DeclareCosts } from '../application/declare-costs';
import { DecideReview } from '../application/decide-review';
import { EligibilityQueries, type OutcomeView, type ReviewCaseView } from '../application/eligibility.queries';
import { enrolmentNotFound, reviewCaseNotFound } from '../domain/eligibility.errors';
import { DeclareCostsDto, OutcomePage, OutcomeResponse, RegionEnrolmentsQuery, ReviewCasePage, ReviewCaseResponse, ReviewCasesQuery, ReviewDecisionDto } from './eligibility.dto';

const enrolmentIdPipe = new ParseUUIDPipe({ exceptionFactory: enrolmentNotFound });
const reviewCaseIdPipe = new ParseUUIDPipe({ exceptionFactory: reviewCaseNotFound });

@ApiTags('tegemoetkoming: recht op vergoeding')
@ApiBearerAuth()
@Controller('v1')
export class EligibilityController {
  constructor(
    private readonly queries: EligibilityQueries,
    private readonly costs: DeclareCosts,
    private readonly reviews: DecideReview,
  ) {}

  @Get('regions/:regionId/enrolments')
  @Roles('region', 'ministry', 'admin')
  @ApiOperation({ summary: 'De inschrijvingen van de scholen van een regio, met hun uitkomst en redencode (eigen regio)' })
  @ApiOkResponse({ type: OutcomePage })
  forRegion(@CurrentPrincipal() principal: Principal, @Param('regionId', regionIdPipe) regionId: string, @Query() query: RegionEnrolmentsQuery): Promise<Page<OutcomeView>> {
    return this.queries.forRegion(principal, regionId, query);
  }

  @Get('enrolments/:enrolmentId/eligibility')
  @Roles('region', 'ministry', 'admin')
  @ApiOperation({ summary: 'De uitkomst van één inschrijving, met redencode en bedrag' })
  @ApiOkResponse({ type: OutcomeResponse })
  ofEnrolment(@CurrentPrincipal() principal: Principal, @Param('enrolmentId', enrolmentIdPipe) enrolmentId: string): Promise<OutcomeView> {
    return this.queries.ofEnrolment(principal, enrolmentId);
  }

  @Put('enrolments/:enrolmentId/costs')
  @Roles('region')
  @ApiOperation({ summary: 'Kosten naast de prijs opgeven (materiaal, studieverlof, vervanging); de uitkomst wordt opnieuw bepaald' })
  @ApiOkResponse({ type: OutcomeResponse })
  @ApiConflictResponse({ description: 'De inschrijving staat al in een ingediende declaratie (ENROLMENT_ALREADY_CLAIMED).' })
  declareCosts(@CurrentPrincipal() principal: Principal, @Param('enrolmentId', enrolmentIdPipe) enrolmentId: string, @Body() body: DeclareCostsDto): Promise<OutcomeView> {
    return this.costs.declare(principal, enrolmentId, body);
  }

  @Get('review-cases')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'De wachtrij van inschrijvingen die een beoordeling vragen (oudste eerst)' })
  @ApiOkResponse({ type: ReviewCasePage })
  reviewCases(@Query() query: ReviewCasesQuery): Promise<Page<ReviewCaseView>> {
    return this.queries.reviewCases(query);
  }

  @Get('review-cases/:enrolmentId')
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Eén beoordeling' })
  @ApiOkResponse({ type: ReviewCaseResponse })
  reviewCase(@Param('enrolmentId', reviewCaseIdPipe) enrolmentId: string): Promise<ReviewCaseView> {
    return this.queries.reviewCase(enrolmentId);
  }

  @Post('review-cases/:enrolmentId/decision')
  @Roles('ministry', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Besluiten over een beoordeling, met een notitie; de inschrijving wordt opnieuw beoordeeld' })
  @ApiOkResponse({ type: ReviewCaseResponse })
  @ApiConflictResponse({ description: 'Er is al besloten (REVIEW_ALREADY_DECIDED).' })
  decide(@CurrentPrincipal() principal: Principal, @Param('enrolmentId', reviewCaseIdPipe) enrolmentId: string, @Body() body: ReviewDecisionDto): Promise<ReviewCaseView> {
    return this.reviews.decide(principal, enrolmentId, body.decision, body.note);
  }
}
