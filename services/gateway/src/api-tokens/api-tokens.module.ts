import { Module } from '@nestjs/common';
import { CreateApiToken } from './application/create-api-token';
import { ListApiTokens } from './application/list-api-tokens';
import { RevokeApiToken } from './application/revoke-api-token';
import { RotateApiToken } from './application/rotate-api-token';
import { ApiTokensController } from './http/api-tokens.controller';

/** Provider API tokens: made, listed, rotated and revoked here; checked on every request by the callers' guard. */
@Module({
  providers: [CreateApiToken, ListApiTokens, RotateApiToken, RevokeApiToken],
  controllers: [ApiTokensController],
  // The provider's token pages in the portal use the same application services as the API.
  exports: [CreateApiToken, ListApiTokens, RotateApiToken, RevokeApiToken],
})
export class ApiTokensModule {}
