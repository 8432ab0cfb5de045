import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { currentRequestContext, requestContextOf } from './request-context';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * JSON logs through pino, one line per event, for every log of the service (Nest's Logger included):
 * HTTP lines carry the request id, correlation id and actor; lines written while handling an event carry the
 * event's id and correlation id. Tokens and cookies never reach a log.
 */
export function pinoParams(service: string, level: LogLevel): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      genReqId: (request, response) => requestContextOf(request, response).requestId,
      customProps: (request: IncomingMessage) => {
        const context = requestContextOf(request);
        return { correlationId: context.correlationId, actor: context.actor() };
      },
      // HTTP lines get these from customProps (bound to the request's logger); event handling has no request logger.
      mixin: () => {
        const context = currentRequestContext();
        return context?.source === 'event' ? { eventId: context.requestId, correlationId: context.correlationId } : {};
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[verborgen]' },
      // Probes and scrapes every few seconds would drown the lines that matter.
      autoLogging: { ignore: (request) => /^\/(health|metrics)\b/.test(request.url ?? '') },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
    },
  };
}
