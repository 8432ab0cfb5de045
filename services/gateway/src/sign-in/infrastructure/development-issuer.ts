import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { DEMO_ACCOUNTS, SCOPE_CLAIMS, type Principal } from '@napl/auth';
import { oidcProvider, type OidcProviderInstance } from './esm-packages';

export interface DevelopmentIssuerOptions {
  readonly host: string;
  /** 0: any free port. */
  readonly port: number;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
}

export interface RunningIssuer {
  readonly url: string;
  close(): Promise<void>;
}

/** The scope that carries the platform's claims (roles and scope ids) into the ID token. */
export const NAPL_SCOPE = 'napl';
const NAPL_CLAIMS = Object.values(SCOPE_CLAIMS);

/**
 * The development issuer: a real OpenID Connect authorisation server (oidc-provider) whose users are the demo
 * accounts, so signing in locally runs the production flow (discovery, authorisation code with PKCE, ID token signed
 * with keys published at its JWKS). Its keys, sessions and codes live in memory: a restart signs everyone out of
 * the issuer, not of the gateway. Only outside production, and only without OIDC_ISSUER_URL.
 */
export async function startDevelopmentIssuer(options: DevelopmentIssuerOptions): Promise<RunningIssuer> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const url = `http://${options.host}:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const Provider = oidcProvider();
  const provider = new Provider(url, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [...options.redirectUris],
        post_logout_redirect_uris: [...options.postLogoutRedirectUris],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // PKCE for every client, confidential ones too (OAuth 2.1).
    pkce: { required: () => true },
    scopes: ['openid', NAPL_SCOPE],
    claims: { openid: ['sub'], [NAPL_SCOPE]: NAPL_CLAIMS },
    // The roles and scope ids go into the ID token, where the gateway reads them (no userinfo round trip).
    conformIdTokenClaims: false,
    findAccount: (_context: unknown, subject: string) => {
      const principal = accountOf(subject);
      return principal ? { accountId: subject, claims: () => claimsOf(principal) } : undefined;
    },
    // The gateway is the platform's own client: no consent screen; the grant covers what it asks for.
    loadExistingGrant: async (context: GrantContext) => {
      const grantId = context.oidc.result?.consent?.grantId ?? context.oidc.session.grantIdFor(context.oidc.client.clientId);
      if (grantId) return context.oidc.provider.Grant.find(grantId);
      const grant = new context.oidc.provider.Grant({ clientId: context.oidc.client.clientId, accountId: context.oidc.session.accountId });
      grant.addOIDCScope(`openid ${NAPL_SCOPE}`);
      grant.addOIDCClaims(['sub', ...NAPL_CLAIMS]);
      await grant.save();
      return grant;
    },
    interactions: { url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'napl-dev-oidc-1', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: { AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
  });
  const handle = provider.callback();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void interaction(provider, request, response)
      .then((handled) => {
        if (!handled) handle(request, response);
      })
      .catch((error: Error) => {
        if (!response.headersSent) response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(`Aanmelden lukte niet: ${error.message}`);
      });
  });
  return {
    url,
    close: () => new Promise<void>((resolve) => closeServer(server, resolve)),
  };
}

interface GrantContext {
  oidc: {
    result?: { consent?: { grantId?: string } };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    client: { clientId: string };
    provider: {
      Grant: { find(id: string): Promise<unknown> } & (new (fields: Record<string, unknown>) => {
        addOIDCScope(scope: string): void;
        addOIDCClaims(claims: string[]): void;
        save(): Promise<string>;
      });
    };
  };
}

function accountOf(subject: string): Principal | undefined {
  return Object.values(DEMO_ACCOUNTS).find((account) => account.subject === subject);
}

function claimsOf(principal: Principal): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: principal.subject, [SCOPE_CLAIMS.roles]: [...principal.roles] };
  if (principal.providerId) claims[SCOPE_CLAIMS.providerId] = principal.providerId;
  if (principal.regionId) claims[SCOPE_CLAIMS.regionId] = principal.regionId;
  if (principal.teacherId) claims[SCOPE_CLAIMS.teacherId] = principal.teacherId;
  if (principal.schoolId) claims[SCOPE_CLAIMS.schoolId] = principal.schoolId;
  return claims;
}

/** The login page (pick a demo account) and its form; false for every other request, which oidc-provider answers. */
async function interaction(provider: OidcProviderInstance, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const path = new URL(request.url ?? '/', 'http://issuer').pathname;
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
  if (!match) return false;
  const details = await provider.interactionDetails(request, response);
  if (match[2] && request.method === 'POST') {
    const form = new URLSearchParams(await readBody(request));
    const account = DEMO_ACCOUNTS[form.get('account') ?? ''];
    if (!account) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Onbekend demo-account.');
      return true;
    }
    await provider.interactionFinished(request, response, { login: { accountId: account.subject } }, { mergeWithLastSubmission: false });
    return true;
  }
  const buttons = Object.entries(DEMO_ACCOUNTS)
    .map(([name, account]) => `<li><button name="account" value="${name}">${name}</button> (${account.roles.join(', ')})</li>`)
    .join('\n');
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Aanmelden (ontwikkeling)</title></head><body>
<h1>Aanmelden bij NAPL (ontwikkeluitgever)</h1><p>Kies een demo-account.</p>
<form method="post" action="/interaction/${details.uid}/login"><ul>${buttons}</ul></form></body></html>`);
  return true;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) request.destroy(new Error('te groot'));
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function closeServer(server: Server, done: () => void): void {
  server.close(() => done());
  server.closeAllConnections();
}
