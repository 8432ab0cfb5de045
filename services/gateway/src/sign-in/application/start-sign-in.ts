import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { safeReturnPath, SIGN_IN_ATTEMPT_MINUTES } from '../domain/session-rules';
import { OidcRelyingParty } from '../infrastructure/oidc-relying-party';
import { SignInAttemptEntity } from '../infrastructure/sign-in-attempt.entity';

export const RELYING_PARTY = Symbol('RELYING_PARTY');

/** A browser starts signing in: the gateway keeps the PKCE verifier and nonce, and sends it to the issuer. */
@Injectable()
export class StartSignIn {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(RELYING_PARTY) private readonly relyingParty: OidcRelyingParty,
  ) {}

  async execute(returnTo: unknown): Promise<{ state: string; redirectTo: string }> {
    const request = this.relyingParty.newRequest();
    const redirectTo = await this.relyingParty.authorizationUrl(request);
    await this.dataSource.getRepository(SignInAttemptEntity).insert({
      state: request.state,
      codeVerifier: request.codeVerifier,
      nonce: request.nonce,
      returnTo: safeReturnPath(returnTo),
      expiresAt: new Date(Date.now() + SIGN_IN_ATTEMPT_MINUTES * 60_000),
    });
    return { state: request.state, redirectTo: redirectTo.href };
  }
}
