import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ServiceMetrics } from './metrics';
import { requestContextOf, runInRequestContext } from './request-context';
import { contextFromHeaders, markFailed, runInSpan, SpanKind, startSpan } from './tracing';

/**
 * Around every HTTP request: its ids (request, correlation) in async-local context for the logs and the events
 * it causes, a server span continuing the caller's trace, and its duration by route pattern for /metrics.
 */
@Injectable()
export class HttpObservabilityMiddleware implements NestMiddleware {
  constructor(private readonly metrics: ServiceMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const requestContext = requestContextOf(request, response);
    const parent = contextFromHeaders(request.headers);
    const span = startSpan(`${request.method}`, SpanKind.SERVER, parent, {
      'http.request.method': request.method,
      'napl.service': this.metrics.service,
      'napl.correlation_id': requestContext.correlationId,
    });
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      // The route pattern, not the path: ids in paths would make a series per offer.
      const route = request.route?.path ? `${request.baseUrl}${request.route.path}` : 'unmatched';
      span.updateName(`${request.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': response.statusCode });
      if (response.statusCode >= 500) markFailed(span);
      span.end();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.httpRequestDuration.observe({ method: request.method, route, status_code: String(response.statusCode) }, seconds);
    });
    runInSpan(span, parent, () => runInRequestContext(requestContext, next));
  }
}
