/**
 * The load of the enrolments burst, run by enrolments-burst.ts as a process of its own, so that the client's work
 * (HTTP parsing, timing) does not run on the event loop of the service it measures. Reads the burst (see Burst) as
 * JSON from the file named by its argument, fires it with autocannon, and prints the result as JSON on stdout.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export interface Burst {
  readonly url: string;
  readonly connections: number;
  /** One request per teacher, in the order they are sent: each its own path (run) and token. */
  readonly requests: readonly { readonly path: string; readonly token: string; readonly idempotencyKey: string }[];
}

export interface BurstResult {
  readonly sent: number;
  readonly seconds: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };
  readonly statusCodes: Record<string, number>;
  readonly errors: number;
  readonly timeouts: number;
}

async function main(): Promise<void> {
  const burst = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Burst;
  let next = 0;
  let lastResponse = 0;
  const started = performance.now();
  const run = autocannon({
    url: burst.url,
    connections: burst.connections,
    // Exactly one request per teacher: autocannon shares `amount` out over the connections.
    amount: burst.requests.length,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        // Called once for every request sent, in sending order.
        setupRequest: (request) => {
          const { path, token, idempotencyKey } = burst.requests[next++];
          return { ...request, path, headers: { authorization: `Bearer ${token}`, 'idempotency-key': idempotencyKey } };
        },
      },
    ],
  });
  // autocannon's own finish time waits for its next one-second tick.
  run.on('response', () => {
    lastResponse = performance.now();
  });
  const result = await run;
  const output: BurstResult = {
    sent: next,
    seconds: (lastResponse - started) / 1000,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count])),
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.stdout.write(JSON.stringify(output));
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
