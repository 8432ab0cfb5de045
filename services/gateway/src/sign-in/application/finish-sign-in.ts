import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../../callers/application/gateway-settings';
import { signInFailed } from '../domain/sign-in.errors';
import { OidcRelyingParty } from '../infrastructure/oidc-relying-party';
import { SignInAttemptEntity } from '../infrastructure/sign-in-attempt.entity';
import { principalFromClaims } from './principal-from-claims';
import { SessionStore } from './session-store';
import { RELYING_PARTY } from './start-sign-in';

/**
 * The issuer sends the browser back with a code: the attempt is taken (once: a replayed callback finds none), the
 * browser must hold the attempt's state in its cookie (so nobody can sign a victim in as themselves), the code is
 * exchanged with the PKCE verifier, the ID token verified, and a session started.
 */
@Injectable()
export class FinishSignIn {
  private readonly logger = new Logger('SignIn');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RELYING_PARTY) private readonly relyingParty: OidcRelyingParty,
    private readonly sessions: SessionStore,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async execute(callbackUrl: URL, stateInCookie: string | undefined): Promise<{ sessionId: string; returnTo: string }> {
    const state = callbackUrl.searchParams.get('state');
    if (!state || !stateInCookie || state !== stateInCookie) throw signInFailed();
    const [rows] = (await this.dataSource.query(`DELETE FROM sign_in_attempt WHERE state = $1 RETURNING *`, [state])) as [
      { code_verifier: string; nonce: string; return_to: string; expires_at: Date }[],
      number,
    ];
    const attempt = rows[0];
    if (!attempt || attempt.expires_at <= new Date()) throw signInFailed();
    let result;
    try {
      result = await this.relyingParty.finish(callbackUrl, { state, nonce: attempt.nonce, codeVerifier: attempt.code_verifier });
    } catch (error) {
      this.logger.warn(`sign-in refused: ${(error as Error).message}`);
      throw signInFailed();
    }
    const { sessionId } = await this.sessions.start(principalFromClaims(result.claims), result.idToken, this.settings.sessionIdleMinutes);
    return { sessionId, returnTo: attempt.return_to };
  }

  /** Attempts nobody finished. */
  async removeExpired(): Promise<void> {
    await this.dataSource.getRepository(SignInAttemptEntity).createQueryBuilder().delete().where('expires_at < now()').execute();
  }
}
