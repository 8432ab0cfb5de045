import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { IsTimestamp, Optional, PageQuery, PageView } from '@napl/service-kit';
import { ROUTED_SERVICES } from '../../routing/domain/service-routes';

export class AuditLogQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Alleen schrijfacties van deze gebruiker (subject van het token).' })
  @Optional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ enum: ROUTED_SERVICES, description: 'Alleen schrijfacties naar deze dienst.' })
  @Optional()
  @IsIn(ROUTED_SERVICES)
  service?: string;

  @ApiPropertyOptional({ description: 'Alleen het verzoek met dit request-id (X-Request-Id).' })
  @Optional()
  @Matches(/^[\w.:-]{1,128}$/, { message: 'is geen geldig request-id' })
  requestId?: string;

  @ApiPropertyOptional({ description: 'Vanaf dit tijdstip (inclusief).' })
  @Optional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ description: 'Tot dit tijdstip (exclusief).' })
  @Optional()
  @IsTimestamp()
  to?: string;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: String, description: 'Subject van de aanroeper; null zonder geldige aanmelding.' }) actor: string | null;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ nullable: true, type: String }) providerId: string | null;
  @ApiProperty({ nullable: true, enum: ['session', 'api-token', 'bearer'] }) via: string | null;
  @ApiProperty({ nullable: true, type: String }) apiTokenId: string | null;
  @ApiProperty() method: string;
  @ApiProperty({ description: 'Pad zonder querystring.' }) path: string;
  @ApiProperty({ nullable: true, type: String }) service: string | null;
  @ApiProperty() status: number;
  @ApiProperty() requestId: string;
  @ApiProperty() durationMs: number;
}

export class AuditLogPageDto extends PageView {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
}
