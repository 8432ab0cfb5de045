/** The part of autocannon's programmatic API the burst uses (autocannon ships no types of its own). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Called before each request is sent; returns the request to send. */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
  }

  interface Options {
    url: string;
    connections?: number;
    /** Stop after this many requests in all (instead of after `duration`). */
    amount?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    requests?: Request[];
  }

  interface Percentiles {
    p50: number;
    p90: number;
    p99: number;
    max: number;
  }

  interface Result {
    start: Date;
    finish: Date;
    latency: Percentiles;
    statusCodeStats: Record<string, { count: number }>;
    errors: number;
    timeouts: number;
  }

  /** Emits 'response' (client, statusCode, bytes, responseTimeMs) for each response; resolves with the result. */
  type Instance = EventEmitter & PromiseLike<Result>;

  function autocannon(options: Options): Instance;
  export = autocannon;
}
