import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { requestContextOf } from '@napl/observability';
import { AllowAnonymous, GatewayAccess, type GatewayRequest } from '../../callers/http/gateway-access.guard';
import { ForwardRequest } from '../application/forward-request';
import { isInternalServicePath, publicPathOf, routeOf, type RoutedService } from '../domain/service-routes';
import { returnedResponseHeaders, UpstreamFailure } from '../infrastructure/upstream-client';

const FAILURES: Record<UpstreamFailure['reason'], { status: number; title: string; code: string; detail: (service: string) => string }> = {
  unavailable: {
    status: 503,
    title: 'Tijdelijk niet beschikbaar',
    code: 'SERVICE_UNAVAILABLE',
    detail: (service) => `De dienst ${service} is op dit moment niet bereikbaar. Probeer het over een minuut opnieuw.`,
  },
  timeout: {
    status: 504,
    title: 'Geen antwoord op tijd',
    code: 'SERVICE_TIMEOUT',
    detail: (service) => `De dienst ${service} antwoordde niet op tijd. Of uw verzoek is uitgevoerd, is niet zeker: kijk het na voor u het herhaalt (met dezelfde Idempotency-Key kan dat veilig).`,
  },
  'bad-gateway': {
    status: 502,
    title: 'Ongeldig antwoord',
    code: 'BAD_GATEWAY',
    detail: (service) => `De dienst ${service} gaf geen bruikbaar antwoord. Probeer het later opnieuw.`,
  },
};

/**
 * /api/<service>/... for every service: checked by the gateway (who, rate limit, CSRF, API-token permission), then
 * passed on as the caller, and the service's answer streamed back. Not in the gateway's own API document: the
 * services' documents, merged, describe these routes (/docs/api).
 */
@ApiExcludeController()
@GatewayAccess()
@AllowAnonymous()
@Controller('api')
export class ProxyController {
  constructor(private readonly forward: ForwardRequest) {}

  @All('*path')
  async proxy(@Req() request: GatewayRequest, @Res() response: Response): Promise<void> {
    const route = routeOf(request.path);
    // Checked on the path as the service will read it: `/v1/../metrics` and `/v1/%2e%2e/health` are /metrics and /health.
    if (!route || isInternalServicePath(new URL(route.servicePath, 'http://service').pathname)) {
      return problem(response, 404, 'Niet gevonden', 'NOT_FOUND', 'Deze route bestaat niet.');
    }
    const context = requestContextOf(request, response);
    const query = request.originalUrl.indexOf('?');
    let upstream;
    try {
      upstream = await this.forward.execute({
        route,
        method: request.method,
        search: query >= 0 ? request.originalUrl.slice(query) : '',
        headers: request.headers,
        body: hadBody(request) ? Buffer.from(JSON.stringify(request.body), 'utf8') : undefined,
        principal: request.caller?.principal,
        requestId: context.requestId,
        correlationId: context.correlationId,
        clientAddress: request.clientAddress ?? request.socket.remoteAddress ?? '',
      });
    } catch (error) {
      const failure = FAILURES[error instanceof UpstreamFailure ? error.reason : 'bad-gateway'];
      if (failure.status === 503) response.setHeader('Retry-After', '30');
      return problem(response, failure.status, failure.title, failure.code, failure.detail(route.service));
    }
    const headers = returnedResponseHeaders(upstream.headers);
    if (typeof headers.location === 'string' && headers.location.startsWith('/')) headers.location = publicPathOf(route.service as RoutedService, headers.location);
    response.status(upstream.statusCode ?? 502);
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
    upstream.pipe(response);
    // A caller that goes away stops the service's answer too.
    response.on('close', () => upstream.destroy());
  }
}

/** The request had a body (parsed as JSON by the platform's body parser, which refused anything else). */
function hadBody(request: GatewayRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function problem(response: Response, status: number, title: string, code: string, detail: string): void {
  response.status(status).type('application/problem+json').json({ type: 'about:blank', title, status, detail, code });
}
