import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Optional, PageView } from '@napl/service-kit';
import { API_TOKEN_DAYS, API_TOKEN_PERMISSIONS, ROTATION_OVERLAP_HOURS, type ApiTokenPermission } from '../../api-tokens/domain/api-token';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'Koppeling studentvolgsysteem', description: 'Waarvoor het token is, om het later te herkennen.' })
  @IsString()
  @MinLength(3)
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: API_TOKEN_PERMISSIONS, isArray: true, description: 'Wat het systeem met het token mag, per dienst lezen of schrijven.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_TOKEN_PERMISSIONS.length)
  @ArrayUnique()
  @IsIn(API_TOKEN_PERMISSIONS, { each: true, message: `toestemming is een van: ${API_TOKEN_PERMISSIONS.join(', ')}` })
  permissions: ApiTokenPermission[];

  @ApiPropertyOptional({ minimum: 1, maximum: API_TOKEN_DAYS.max, default: API_TOKEN_DAYS.default, description: 'Na hoeveel dagen het token verloopt.' })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(API_TOKEN_DAYS.max)
  expiresInDays?: number;
}

export class RotateApiTokenDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: ROTATION_OVERLAP_HOURS.max,
    default: ROTATION_OVERLAP_HOURS.default,
    description: 'Hoeveel uur het oude token nog werkt, zodat het systeem zonder onderbreking kan overstappen.',
  })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(ROTATION_OVERLAP_HOURS.max)
  overlapHours?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: API_TOKEN_DAYS.max, default: API_TOKEN_DAYS.default })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(API_TOKEN_DAYS.max)
  expiresInDays?: number;
}

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({ enum: API_TOKEN_PERMISSIONS, isArray: true }) permissions: string[];
  @ApiProperty({ example: 'napl_pat_AbCd…', description: 'Het begin van het token, om het te herkennen; het token zelf wordt niet bewaard.' }) hint: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Het token dat dit token verving bij een rotatie.' }) rotatedFrom: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty() useCount: number;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ description: 'Het token: alleen nu te zien. Bewaar het veilig; het platform kent alleen een hash ervan.' })
  token: string;
}

export class ApiTokenPageDto extends PageView {
  @ApiProperty({ type: [ApiTokenDto] }) items: ApiTokenDto[];
}
