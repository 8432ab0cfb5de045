import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '@napl/service-kit';
import { STEP_CODE_PATTERN } from '../../paths/domain/path-definition';
import { RECIPIENT_NAME_MAX_LENGTH } from '../domain/credential-rules';

/**
 * The longest badge the verify endpoint reads. A badge of a path with many steps is a few kilobytes; a cap well
 * above that keeps the endpoint, which anyone may call, from spending time on large bodies.
 */
export const CREDENTIAL_MAX_LENGTH = 64 * 1024;

export class IssueCredentialDto {
  @ApiPropertyOptional({ example: 'klas-1', description: 'De afgeronde stap; laat weg voor een bewijs van het hele (afgeronde) pad.' })
  @Optional()
  @IsString()
  @Matches(STEP_CODE_PATTERN, { message: 'is geen geldige stapcode' })
  stepCode?: string;

  @ApiPropertyOptional({ default: false, description: 'Uw naam in het bewijs opnemen; standaard staat alleen uw pseudonieme docent-id erin.' })
  @Optional()
  @IsBoolean()
  includeName?: boolean;

  @ApiPropertyOptional({ maxLength: RECIPIENT_NAME_MAX_LENGTH, description: 'De naam die in het bewijs komt; verplicht met includeName, anders niet toegestaan.' })
  @Optional()
  @IsString()
  @MaxLength(RECIPIENT_NAME_MAX_LENGTH)
  name?: string;
}

export class IssuedCredentialDto {
  @ApiProperty({ format: 'uuid', description: 'Het id van het bewijs (in het bewijs: urn:uuid:<id>).' }) id: string;
  @ApiProperty({ description: 'Het Open Badges 3.0-bewijs als compacte JWS (application/vc+jwt), ondertekend door het platform.' })
  credential: string;
}

export class VerifyCredentialDto {
  @ApiProperty({ maxLength: CREDENTIAL_MAX_LENGTH, description: 'Het bewijs als compacte JWS (application/vc+jwt).' })
  @IsString()
  @MaxLength(CREDENTIAL_MAX_LENGTH)
  credential: string;
}

export class VerificationDto {
  @ApiProperty() valid: boolean;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Bij een geldig bewijs: de inhoud (OpenBadgeCredential).' })
  credential?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Bij een geldig bewijs: de sleutel (kid) waarmee het is ondertekend.' })
  keyId?: string;
  @ApiPropertyOptional({ description: 'Bij een ongeldig bewijs: waarom.' })
  reason?: string;
}

export class JsonWebKeySetDto {
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Publieke sleutels (JWK): de huidige en eerdere.' })
  keys: Record<string, unknown>[];
}
