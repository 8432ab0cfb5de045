import type * as OpenIdClient from 'openid-client';

/**
 * openid-client 6 and oidc-provider 9 are ES modules only. The gateway is compiled to CommonJS, and Node 24 loads an
 * ES module with require() (require(esm), stable since Node 22.12) as long as it has no top-level await, which neither
 * has. They are loaded here, on first use, not where the modules are imported: jest 29 (ts-jest, CommonJS) cannot
 * load ES modules from node_modules, so the gateway's in-process tests (the platform conformance suite) never touch
 * sign-in, and the sign-in tests start the compiled gateway as a process (test/support/gateway-process.ts).
 */
export function openIdClient(): typeof OpenIdClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('openid-client') as typeof OpenIdClient;
}

/** The few parts of oidc-provider's API the development issuer uses (the package ships no types). */
export interface OidcProviderInstance {
  callback(): (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void;
  interactionDetails(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse): Promise<{
    uid: string;
    prompt: { name: string };
    params: Record<string, unknown>;
  }>;
  interactionFinished(
    request: import('node:http').IncomingMessage,
    response: import('node:http').ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  proxy: boolean;
}

export type OidcProviderClass = new (issuer: string, configuration: Record<string, unknown>) => OidcProviderInstance;

export function oidcProvider(): OidcProviderClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('oidc-provider') as { default: OidcProviderClass };
  return loaded.default;
}
