import { randomBytes } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import type { GatewayConfig } from '../gateway.config';
import { FinishSignIn } from './application/finish-sign-in';
import { IssuerRuntime } from './application/issuer-runtime';
import { SignInHousekeeping } from './application/sign-in-housekeeping';
import { RELYING_PARTY, StartSignIn } from './application/start-sign-in';
import { BrowserSessionController } from './http/browser-session.controller';
import { SignInController } from './http/sign-in.controller';
import { OidcRelyingParty } from './infrastructure/oidc-relying-party';

/**
 * Signing in with OpenID Connect: the gateway is the relying party of the configured issuer, or of the development
 * issuer it runs itself (outside production, without OIDC_ISSUER_URL), and keeps browser sessions.
 */
@Module({})
export class SignInModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    // The development issuer and the gateway share a secret made at start-up; a real issuer's is configured.
    const clientSecret = config.OIDC_CLIENT_SECRET ?? randomBytes(32).toString('base64url');
    const redirectUri = new URL('/auth/callback', config.GATEWAY_PUBLIC_URL).href;
    const issuer = new IssuerRuntime(config.OIDC_ISSUER_URL, {
      host: '127.0.0.1',
      port: config.DEV_ISSUER_PORT,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret,
      redirectUris: [redirectUri],
      postLogoutRedirectUris: [new URL('/', config.GATEWAY_PUBLIC_URL).href],
    });
    const relyingParty = new OidcRelyingParty({
      issuer: () => issuer.issuerUrl(),
      clientId: config.OIDC_CLIENT_ID,
      clientSecret,
      redirectUri,
      allowHttp: config.NODE_ENV !== 'production',
    });
    return {
      module: SignInModule,
      providers: [{ provide: IssuerRuntime, useValue: issuer }, { provide: RELYING_PARTY, useValue: relyingParty }, StartSignIn, FinishSignIn, SignInHousekeeping],
      controllers: [SignInController, BrowserSessionController],
    };
  }
}
