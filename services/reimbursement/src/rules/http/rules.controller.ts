import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, type PipeTransform } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { PageQuery, type Page } from '@napl/service-kit';
import { createRuleDraft, updateRuleDraft } from '../application/draft-rule';
import { publishRule } from '../application/publish-rule';
import { getRule, listRules } from '../application/read-rules';
import type { RuleContent, RuleVersionView } from '../application/rule-views';
import { ruleNotFound } from '../domain/rule.errors';
import { RuleContentDto, RuleVersionPageResponse, RuleVersionResponse } from './rule.dto';

/** A version number is a small positive integer; anything else (also 1e20, which the database cannot hold) names none. */
const versionPipe: PipeTransform<string, number> = {
  transform(value: string): number {
    if (!/^[1-9]\d{0,5}$/.test(value)) throw ruleNotFound();
    return Number(value);
  },
};

function contentOf(dto: RuleContentDto): RuleContent {
  return {
    validFrom: dto.validFrom,
    costTypes: [...dto.costTypes],
    percentageBasisPoints: dto.percentageBasisPoints,
    maxPerParticipantPerOfferCents: dto.maxPerParticipantPerOfferCents,
    maxPerParticipantPerSchoolYearCents: dto.maxPerParticipantPerSchoolYearCents,
    participation:
      dto.participation.kind === 'started' ? { kind: 'started' } : { kind: 'completed', minimumAttendancePercent: dto.participation.minimumAttendancePercent! },
    reviewAboveCents: dto.reviewAboveCents ?? null,
  };
}

@ApiTags('vergoedingsregeling')
@ApiBearerAuth()
@Controller('v1/rules')
export class RulesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'De versies van de vergoedingsregeling (concepten alleen voor het ministerie)' })
  @ApiOkResponse({ type: RuleVersionPageResponse })
  list(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery): Promise<Page<RuleVersionView>> {
    return listRules(this.dataSource, principal, query);
  }

  @Get(':version')
  @ApiOperation({ summary: 'Eén versie van de vergoedingsregeling' })
  @ApiOkResponse({ type: RuleVersionResponse })
  @ApiNotFoundResponse({ description: 'Onbekend, of een concept voor wie geen concepten ziet (RULE_NOT_FOUND).' })
  get(@CurrentPrincipal() principal: Principal, @Param('version', versionPipe) version: number): Promise<RuleVersionView> {
    return getRule(this.dataSource, principal, version);
  }

  @Post()
  @Roles('ministry')
  @ApiOperation({ summary: 'Een nieuwe versie van de vergoedingsregeling als concept' })
  @ApiCreatedResponse({ type: RuleVersionResponse })
  create(@Body() body: RuleContentDto): Promise<RuleVersionView> {
    return createRuleDraft(this.dataSource, contentOf(body), body.note ?? '');
  }

  @Put(':version')
  @Roles('ministry')
  @ApiOperation({ summary: 'Een concept wijzigen (een gepubliceerde versie nooit)' })
  @ApiOkResponse({ type: RuleVersionResponse })
  @ApiConflictResponse({ description: 'De versie is gepubliceerd (RULE_PUBLISHED).' })
  update(@Param('version', versionPipe) version: number, @Body() body: RuleContentDto): Promise<RuleVersionView> {
    return updateRuleDraft(this.dataSource, version, contentOf(body), body.note ?? '');
  }

  @Post(':version/publish')
  @Roles('ministry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Een concept publiceren; inschrijvingen vanaf de ingangsdatum worden opnieuw beoordeeld' })
  @ApiOkResponse({ type: RuleVersionResponse })
  @ApiUnprocessableEntityResponse({ description: 'Het concept klopt nog niet (RULE_INVALID, met problems).' })
  @ApiConflictResponse({ description: 'Al gepubliceerd (RULE_PUBLISHED), datum bezet (RULE_DATE_TAKEN) of terugwerkend (RULE_RETROACTIVE).' })
  publish(@Param('version', versionPipe) version: number): Promise<RuleVersionView> {
    return publishRule(this.dataSource, version);
  }
}
