import { BadRequestException, Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsNotEmpty, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@napl/auth';
import { FrameworkService } from '../application/framework.service';
import type { Framework } from '../domain/framework';

export class CriterionDto {
  @ApiProperty({ example: 'K8' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,20}$/, { message: 'mag alleen letters, cijfers en - bevatten (hoogstens 20 tekens)' })
  code: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  description: string;

  @ApiProperty({ description: 'Welk bewijs de aanbieder moet leveren.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  evidence: string;

  @ApiProperty({ description: 'Verplicht (moet voldaan zijn voor goedkeuring) of wegend.' })
  @IsBoolean()
  required: boolean;
}

export class PublishFrameworkDto {
  @ApiProperty({ description: 'Toelichting bij deze versie.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  notes: string;

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria: CriterionDto[];
}

export class CriterionView {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() evidence: string;
  @ApiProperty() required: boolean;
}

export class FrameworkView {
  @ApiProperty() version: number;
  @ApiProperty() publishedAt: Date;
  @ApiProperty() notes: string;
  @ApiProperty({ type: [CriterionView] }) criteria: CriterionView[];
}

@ApiTags('framework')
@ApiBearerAuth()
@Controller('v1/frameworks')
export class FrameworkController {
  constructor(private readonly frameworks: FrameworkService) {}

  @Get('current')
  @ApiOperation({ summary: 'Het geldende kwaliteitskader: nieuwe beoordelingen gebruiken deze versie.' })
  @ApiOkResponse({ type: FrameworkView })
  current(): Promise<Framework> {
    return this.frameworks.current();
  }

  @Get(':version')
  @ApiOperation({ summary: 'Een versie van het kwaliteitskader.' })
  @ApiOkResponse({ type: FrameworkView })
  @ApiNotFoundResponse({ description: 'Die versie bestaat niet.' })
  byVersion(@Param('version', new ParseIntPipe({ exceptionFactory: () => new BadRequestException('De versie moet een geheel getal zijn.') })) version: number): Promise<Framework> {
    return this.frameworks.byVersion(version);
  }

  @Post()
  @Roles('ministry')
  @ApiOperation({ summary: 'Publiceert een nieuwe versie van het kwaliteitskader (ministerie).' })
  @ApiCreatedResponse({ type: FrameworkView })
  @ApiBadRequestResponse({ description: 'Ongeldig kader, bijvoorbeeld dubbele codes of geen verplicht criterium.' })
  @ApiForbiddenResponse({ description: 'Alleen het ministerie.' })
  publish(@Body() body: PublishFrameworkDto, @CurrentPrincipal() principal: Principal): Promise<Framework> {
    return this.frameworks.publish(body.criteria, body.notes, principal.subject);
  }
}
