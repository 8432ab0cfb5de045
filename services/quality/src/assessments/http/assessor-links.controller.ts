import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Optional } from '@napl/service-kit';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { uuidPipe } from '../../shared/uuid-pipe';
import { AssessorLinksService } from '../application/assessor-links.service';
import type { AssessorLinkEntity } from '../infrastructure/assessment.entities';

export class AssessorLinkDto {
  @ApiProperty({ description: 'Het (pseudonieme) subject van de beoordelaar in het toegangstoken.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  assessorSubject: string;

  @ApiProperty()
  @IsUUID()
  providerId: string;

  @ApiProperty({ description: 'Aard van de band, bijvoorbeeld "in dienst" of "adviseur".' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description: string;
}

export class AssessorLinksQuery {
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(200) assessorSubject?: string;
}

export class AssessorLinkView {
  @ApiProperty() assessorSubject: string;
  @ApiProperty() providerId: string;
  @ApiProperty() description: string;
  @ApiProperty() registeredBy: string;
  @ApiProperty() registeredAt: Date;
}

@ApiTags('assessor-links')
@ApiBearerAuth()
@Controller('v1/assessor-links')
export class AssessorLinksController {
  constructor(private readonly links: AssessorLinksService) {}

  @Get()
  @Roles('admin', 'assessor')
  @ApiOperation({ summary: 'Banden tussen beoordelaars en aanbieders (een beoordelaar ziet alleen de eigen).' })
  @ApiOkResponse({ type: [AssessorLinkView] })
  list(@Query() query: AssessorLinksQuery, @CurrentPrincipal() principal: Principal): Promise<AssessorLinkEntity[]> {
    return this.links.list(principal.roles.includes('admin') ? query.assessorSubject : principal.subject);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Legt vast dat een beoordelaar aan een aanbieder verbonden is; die beoordeelt diens aanbod dan niet (beheer).' })
  @ApiCreatedResponse({ type: AssessorLinkView })
  @ApiForbiddenResponse({ description: 'Alleen beheer.' })
  @ApiConflictResponse({ description: 'De band bestaat al.' })
  register(@Body() body: AssessorLinkDto, @CurrentPrincipal() principal: Principal): Promise<AssessorLinkEntity> {
    return this.links.register(body.assessorSubject.trim(), body.providerId, body.description.trim(), principal.subject);
  }

  @Delete(':assessorSubject/:providerId')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Verwijdert een band (beheer).' })
  @ApiNoContentResponse({ description: 'Verwijderd.' })
  async remove(
    @Param('assessorSubject') assessorSubject: string,
    @Param('providerId', uuidPipe('Het aanbieder-id')) providerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.links.remove(assessorSubject, providerId, principal.subject);
  }
}
