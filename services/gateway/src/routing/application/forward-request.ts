import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@napl/auth';
import type { RoutedPath } from '../domain/service-routes';
import { PlatformTokenSigner } from '../infrastructure/platform-token-signer';
import { forwardedRequestHeaders, sendUpstream } from '../infrastructure/upstream-client';
import { SERVICE_DIRECTORY, type ServiceDirectory } from './service-directory';

export interface ForwardedRequest {
  readonly route: RoutedPath;
  readonly method: string;
  /** The query string with its `?`, or empty. */
  readonly search: string;
  readonly headers: IncomingMessage['headers'];
  readonly body?: Buffer;
  readonly principal?: Principal;
  readonly requestId: string;
  readonly correlationId: string;
  readonly clientAddress: string;
}

/**
 * Sends a caller's request on to the service that owns it, as the caller: with a platform token for that service
 * (not the caller's own credential, which stays at the gateway), the request and correlation ids, and the caller's
 * address. Without a principal the request goes on without a token, and the service answers it as anonymous.
 */
@Injectable()
export class ForwardRequest {
  constructor(
    @Inject(SERVICE_DIRECTORY) private readonly directory: ServiceDirectory,
    private readonly signer: PlatformTokenSigner,
  ) {}

  async execute(forwarded: ForwardedRequest): Promise<IncomingMessage> {
    const base = this.directory.urls[forwarded.route.service];
    const url = new URL(forwarded.route.servicePath + forwarded.search, base);
    const headers = {
      ...forwardedRequestHeaders(forwarded.headers),
      'x-request-id': forwarded.requestId,
      'x-correlation-id': forwarded.correlationId,
      'x-forwarded-for': forwarded.clientAddress,
      ...(forwarded.principal ? { authorization: `Bearer ${await this.signer.tokenFor(forwarded.principal, forwarded.route.service)}` } : {}),
    };
    return sendUpstream({ url, method: forwarded.method, headers, body: forwarded.body, timeoutMs: this.directory.timeoutMs });
  }
}
