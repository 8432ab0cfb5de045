/**
 * The load of the enrolments burst, run by enrolments-burst.ts as a process of its own, so that the client's work
 * (HTTP parsing, timing) does not run on the event loop of the service it measures. Reads the burst (see Burst) as
 * JSON from the file named by its argument, fires it with autocannon, and prints the result as JSON on stdout.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export interface Burst {
  /** The service's replicas; request i goes to replica i mod n, each replica gets its share of the connections. */
  readonly urls: readonly string[];
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
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let sent = 0;
  let lastResponse = 0;
  const started = performance.now();
  const replicas = burst.urls.map((url, replica) => {
    // Request i goes to replica i mod n, in sending order within each replica.
    const share = burst.requests.filter((_, index) => index % burst.urls.length === replica);
    let next = 0;
    const run = autocannon({
      url,
      connections: Math.max(1, Math.round(burst.connections / burst.urls.length)),
      // Exactly one request per teacher: autocannon shares `amount` out over the connections.
      amount: share.length,
      timeout: 60,
      requests: [
        {
          method: 'POST',
          // Called once for every request sent, in sending order.
          setupRequest: (request) => {
            const { path, token, idempotencyKey } = share[next++];
            sent++;
            return { ...request, path, headers: { authorization: `Bearer ${token}`, 'idempotency-key': idempotencyKey } };
          },
        },
      ],
    });
    // Latencies and statuses from every replica's responses, so the percentiles are over the whole burst; and
    // autocannon's own finish time waits for its next one-second tick.
    run.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      lastResponse = performance.now();
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
    return run;
  });
  const results = await Promise.all(replicas);
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0);
  const output: BurstResult = {
    sent,
    seconds: (lastResponse - started) / 1000,
    latencyMs: { p50: percentile(50), p90: percentile(90), p99: percentile(99), max: percentile(100) },
    statusCodes,
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    timeouts: results.reduce((sum, result) => sum + result.timeouts, 0),
  };
  process.stdout.write(JSON.stringify(output));
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
