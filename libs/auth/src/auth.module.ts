import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { TokenVerifier, type TokenVerifierOptions } from './token-verifier';

/** Makes every endpoint of a service require a verified token, unless marked @Public(). */
@Module({})
export class AuthModule {
  static forRoot(options: TokenVerifierOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [{ provide: TokenVerifier, useValue: new TokenVerifier(options) }, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [TokenVerifier],
    };
  }
}
