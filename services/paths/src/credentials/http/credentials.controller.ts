import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { JSONWebKeySet } from 'jose';
import { CurrentPrincipal, Public, Roles, type Principal } from '@napl/auth';
import { IssueCredential, type IssuedCredential } from '../application/issue-credential';
import { VerifyCredential } from '../application/verify-credential';
import { TeacherPathError } from '../../teacher-paths/domain/teacher-path.errors';
import type { Verification } from '../infrastructure/credential-jws';
import { IssueCredentialDto, IssuedCredentialDto, JsonWebKeySetDto, VerificationDto, VerifyCredentialDto } from './credential.dto';

/** An id that is not a UUID names no teacher path: the same 404 as the other routes of teacher paths. */
const teacherPathIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new TeacherPathError('TEACHER_PATH_NOT_FOUND', 'not-found', 'Dit pad van een leraar bestaat niet.'),
});

@ApiTags('credentials')
@Controller('v1')
export class CredentialsController {
  constructor(
    private readonly issue: IssueCredential,
    private readonly verification: VerifyCredential,
  ) {}

  @Post('teacher-paths/:teacherPathId/credentials')
  @Roles('teacher')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Een bewijs (Open Badges 3.0, W3C Verifiable Credential) van een afgeronde stap of van het afgeronde pad downloaden; alleen de docent zelf. Het bewijs noemt het pseudonieme docent-id, een naam alleen op verzoek.',
  })
  @ApiParam({ name: 'teacherPathId', format: 'uuid' })
  @ApiCreatedResponse({ type: IssuedCredentialDto })
  @ApiBadRequestResponse({ description: 'Ongeldige invoer, of een naam zonder includeName (of includeName zonder naam).' })
  @ApiNotFoundResponse({ description: 'Onbekend pad, een pad van een ander (hetzelfde antwoord), of een stap die niet in de versie van het pad bestaat.' })
  @ApiConflictResponse({ description: 'De stap of het pad is (nog) niet afgerond.' })
  issueCredential(
    @CurrentPrincipal() principal: Principal,
    @Param('teacherPathId', teacherPathIdPipe) teacherPathId: string,
    @Body() body: IssueCredentialDto,
  ): Promise<IssuedCredential> {
    return this.issue.execute(principal, teacherPathId, body);
  }

  @Get('credentials/jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'De publieke sleutels van het platform (JWKS) waarmee bewijzen te controleren zijn: de huidige en eerdere.' })
  @ApiOkResponse({ type: JsonWebKeySetDto })
  keySet(): JSONWebKeySet {
    return this.verification.keySet();
  }

  @Post('credentials/verify')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Een bewijs controleren (voor iedereen): handtekening, sleutel van het platform, geldigheid. Antwoordt altijd met valid, en bij ongeldig met de reden.' })
  @ApiOkResponse({ type: VerificationDto })
  @ApiBadRequestResponse({ description: 'Geen bewijs als tekst meegestuurd, of te lang.' })
  verify(@Body() body: VerifyCredentialDto): Promise<Verification> {
    return this.verification.execute(body.credential);
  }
}
