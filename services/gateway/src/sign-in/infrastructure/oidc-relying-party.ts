import type * as OpenIdClient from 'openid-client';
import { openIdClient } from './esm-packages';
import { NAPL_SCOPE } from './development-issuer';

export interface RelyingPartySettings {
  /** The issuer's URL, or a promise of it (the development issuer's port is known once it listens). */
  readonly issuer: () => Promise<string>;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  /** Plain http to the issuer (the development issuer only). */
  readonly allowHttp: boolean;
}

export interface SignInRequest {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/**
 * The gateway as an OpenID Connect relying party (openid-client): discovery of the issuer on first use, the
 * authorisation code flow with PKCE (S256), and the ID token's signature checked against the issuer's JWKS
 * (non-repudiation checks on), besides its issuer, audience, expiry and nonce.
 */
export class OidcRelyingParty {
  private configuration?: Promise<OpenIdClient.Configuration>;

  constructor(private readonly settings: RelyingPartySettings) {}

  newRequest(): SignInRequest {
    const client = openIdClient();
    return { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  }

  async authorizationUrl(request: SignInRequest): Promise<URL> {
    const client = openIdClient();
    return client.buildAuthorizationUrl(await this.discovered(), {
      redirect_uri: this.settings.redirectUri,
      scope: `openid ${NAPL_SCOPE}`,
      state: request.state,
      nonce: request.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Exchanges the code the issuer sent back; the verified ID token's claims and the token itself. */
  async finish(callbackUrl: URL, request: SignInRequest): Promise<{ claims: Record<string, unknown>; idToken: string | undefined }> {
    const client = openIdClient();
    const tokens = await client.authorizationCodeGrant(await this.discovered(), callbackUrl, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: request.state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    return { claims: claims as Record<string, unknown>, idToken: tokens.id_token };
  }

  private discovered(): Promise<OpenIdClient.Configuration> {
    // A failed discovery is tried again on the next sign-in (the issuer may come up after the gateway).
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  private async discover(): Promise<OpenIdClient.Configuration> {
    const client = openIdClient();
    const configuration = await client.discovery(
      new URL(await this.settings.issuer()),
      this.settings.clientId,
      this.settings.clientSecret,
      client.ClientSecretBasic(this.settings.clientSecret),
      this.settings.allowHttp ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    client.enableNonRepudiationChecks(configuration);
    return configuration;
  }
}
