import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Roles } from '@napl/auth';
import type { Page } from '@napl/service-kit';
import { GatewayAccess } from '../../callers/http/gateway-access.guard';
import { QueryAuditLog, type AuditEntryView } from '../application/query-audit-log';
import { AuditLogPageDto, AuditLogQueryDto } from './audit-log.dto';

@ApiTags('audit')
@ApiBearerAuth()
@GatewayAccess()
@Controller('v1/audit-log')
export class AuditLogController {
  constructor(private readonly query: QueryAuditLog) {}

  @Get()
  @Roles('ministry', 'admin')
  @ApiOperation({ summary: 'Het auditlog: elke schrijfactie via de gateway met wie, welke route, de status en het request-id; nieuwste eerst.' })
  @ApiOkResponse({ type: AuditLogPageDto })
  @ApiUnauthorizedResponse({ description: 'Niet aangemeld.' })
  @ApiForbiddenResponse({ description: 'Alleen het ministerie en beheerders.' })
  list(@Query() filter: AuditLogQueryDto): Promise<Page<AuditEntryView>> {
    return this.query.execute(filter);
  }
}
