import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@napl/auth';

export class SessionPrincipalDto {
  @ApiProperty() subject: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
  @ApiPropertyOptional() providerId?: string;
  @ApiPropertyOptional() regionId?: string;
  @ApiPropertyOptional() teacherId?: string;
  @ApiPropertyOptional() schoolId?: string;
}

export class SessionDto {
  @ApiProperty({ type: SessionPrincipalDto }) principal: SessionPrincipalDto;
  @ApiProperty({ enum: ['session', 'api-token', 'bearer'], description: 'Hoe de aanroeper is aangemeld.' }) via: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Alleen bij een browsersessie: stuur dit mee in de kop X-CSRF-Token bij elke schrijfactie.',
  })
  csrfToken: string | null;
}
