import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@napl/auth';

/**
 * Who the service takes the caller to be: roles and scopes from the verified token. The portal shows it, and it
 * is the quickest way to see why a request was refused.
 */
@ApiTags('session')
@ApiBearerAuth()
@Controller('session')
export class SessionController {
  @Get()
  @ApiOkResponse({ description: 'De rollen en het bereik van de aangemelde gebruiker.' })
  session(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
