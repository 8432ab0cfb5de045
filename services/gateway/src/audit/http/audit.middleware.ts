import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { requestContextOf } from '@napl/observability';
import type { GatewayRequest } from '../../callers/http/gateway-access.guard';
import { RecordWrite } from '../application/record-write';
import { isWrite, recordedPath } from '../domain/audit-entry';

/**
 * Records every write through the gateway once its answer is sent, refused ones too (401, 403, 429): the caller as
 * the gateway's check found them, the route, the status and the request id.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  constructor(private readonly record: RecordWrite) {}

  use(request: GatewayRequest, response: Response, next: NextFunction): void {
    if (isWrite(request.method)) {
      const started = performance.now();
      const { requestId } = requestContextOf(request, response);
      response.once('close', () => {
        void this.record.execute({
          caller: request.caller,
          method: request.method,
          path: recordedPath(request.originalUrl),
          status: response.statusCode,
          requestId,
          durationMs: performance.now() - started,
        });
      });
    }
    next();
  }
}
