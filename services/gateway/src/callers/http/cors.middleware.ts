import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../application/gateway-settings';

/**
 * CORS, closed by default: only the origins in CORS_ORIGINS get the Access-Control headers (credentials included,
 * for the portal on another origin). A preflight is answered here, never passed on to a service; for an origin not
 * listed it gets no CORS headers, so the browser refuses the real request.
 */
@Injectable()
export class CorsMiddleware implements NestMiddleware {
  constructor(@Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const origin = request.headers.origin;
    const allowed = origin !== undefined && this.settings.corsOrigins.includes(origin);
    if (allowed) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Allow-Credentials', 'true');
      response.setHeader('Access-Control-Expose-Headers', 'Location, Retry-After, X-Request-Id, Idempotent-Replayed, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset');
    }
    response.vary('Origin');
    if (request.method === 'OPTIONS' && origin !== undefined && request.headers['access-control-request-method'] !== undefined) {
      if (allowed) {
        response.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE');
        response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key, If-Match, X-CSRF-Token, X-Request-Id, X-Correlation-Id');
        response.setHeader('Access-Control-Max-Age', '600');
      }
      response.status(204).end();
      return;
    }
    next();
  }
}
