import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_IDS, DevIssuer } from '@napl/auth';
import { TOPICS } from '@napl/contracts';
import { deleteTopicsWithPrefix, dropTestDatabase, eventually, newTestDatabaseUrl, newTopicPrefix, testInfraFromEnv, TopicProbe } from '@napl/testing';
import { DemoClient } from '../demo-client';
import type { DemoOffer, DemoProvider } from '../steps/10-catalogue';
import { startServiceProcess, testServiceEnv, type ServiceProcess } from './service-processes';
import { SpanCollector } from './span-collector';

const OTLP_SERVER = 2;
const OTLP_CONSUMER = 5;

/** A metric's value in a Prometheus scrape, for the series whose labels include all of `labels`. */
function sampleOf(scrape: string, metric: string, labels: Record<string, string>): number | undefined {
  for (const line of scrape.split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== metric) continue;
    const present = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/**
 * Observability across processes: one HTTP request to the catalogue, with a trace and correlation id from outside,
 * is followed through the outbox and Kafka into the quality service's event handler, in one trace exported over
 * OTLP; the event carries the request's correlation id; and both services' /metrics show what happened.
 */
describe('one request followed from the catalogue through Kafka into quality', () => {
  const infra = testInfraFromEnv();
  const databaseUrl = newTestDatabaseUrl(infra, 'e2e_observability');
  const keysDir = mkdtempSync(join(tmpdir(), 'napl-e2e-keys-'));
  const topicPrefix = newTopicPrefix();
  const services: Record<string, ServiceProcess> = {};
  let collector: SpanCollector;
  let client: DemoClient;
  let offerTopic: TopicProbe;

  beforeAll(async () => {
    collector = await SpanCollector.start();
    await DevIssuer.fromDirectory(keysDir);
    const env = testServiceEnv(
      { databaseUrl, topicPrefix, keysDir, kafkaBrokers: infra.kafkaBrokers },
      { LOG_LEVEL: 'warn', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100' },
    );
    for (const service of ['catalogue', 'quality']) services[service] = await startServiceProcess(service, env);
    client = await DemoClient.create({ keysDir, urls: { catalogue: services.catalogue.url, quality: services.quality.url } });
    offerTopic = await TopicProbe.on(topicPrefix + TOPICS.catalogueOffer.name);
  }, 180_000);

  afterAll(async () => {
    await offerTopic?.close();
    await Promise.all(Object.values(services).map((running) => running.stop()));
    await collector?.close();
    await dropTestDatabase(databaseUrl);
    await deleteTopicsWithPrefix(topicPrefix);
    rmSync(keysDir, { recursive: true, force: true });
  }, 60_000);

  it('keeps one trace and one correlation id from the HTTP request to the handler in the other service', async () => {
    const data = DemoClient.readData<{ providers: DemoProvider[]; offers: DemoOffer[] }>('catalogue-offers.json');
    const { key, ...provider } = data.providers[0];
    await client.expect([201], 'beheerder', 'catalogue', 'POST', '/v1/providers', { providerId: DEMO_IDS[key], ...provider });
    const { provider: _provider, runs: _runs, ...content } = data.offers.find((offer) => offer.provider === key)!;
    const offer = await client.expect<{ offerId: string }>([201], 'opleider-hanze', 'catalogue', 'POST', '/v1/offers', content);

    // The caller (later: the gateway) started the trace and the correlation.
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const correlationId = randomUUID();
    const response = await client.expect([200], 'opleider-hanze', 'catalogue', 'POST', `/v1/offers/${offer.body.offerId}/submit`, undefined, {
      traceparent: `00-${traceId}-${callerSpanId}-01`,
      'x-correlation-id': correlationId,
    });
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);

    const handled = await eventually(
      async () => collector.find((span) => span.traceId === traceId && span.service === 'napl-quality' && span.kind === OTLP_CONSUMER),
      30_000,
      "quality's span of handling OfferSubmitted",
    );
    const served = collector.find((span) => span.traceId === traceId && span.service === 'napl-catalogue' && span.kind === OTLP_SERVER);
    expect(served).toMatchObject({ name: 'POST /v1/offers/:offerId/submit', parentSpanId: callerSpanId });
    expect(handled).toMatchObject({ name: 'consume napl.catalogue.v1.OfferSubmitted', parentSpanId: served!.spanId });

    const submitted = await eventually(
      async () => offerTopic.messages.find((message) => message.key === offer.body.offerId && message.headers['napl-event-type'] === 'napl.catalogue.v1.OfferSubmitted'),
      15_000,
      'OfferSubmitted on the offer topic',
    );
    expect(submitted.headers['napl-correlation-id']).toBe(correlationId);
    expect(submitted.headers.traceparent).toBe(`00-${traceId}-${served!.spanId}-01`);
  }, 60_000);

  it('shows the request, the outbox and the consumer in both services\' metrics', async () => {
    const catalogue = await (await fetch(`${services.catalogue.url}/metrics`)).text();
    expect(sampleOf(catalogue, 'http_server_request_duration_seconds_count', { route: '/v1/offers/:offerId/submit', status_code: '200' })).toBe(1);
    expect(sampleOf(catalogue, 'napl_outbox_backlog', { service: 'catalogue' })).toBe(0);
    expect(sampleOf(catalogue, 'napl_outbox_oldest_age_seconds', { service: 'catalogue' })).toBe(0);

    const quality = await eventually(async () => {
      const scrape = await (await fetch(`${services.quality.url}/metrics`)).text();
      return sampleOf(scrape, 'napl_event_handler_duration_seconds_count', { event_type: 'napl.catalogue.v1.OfferSubmitted', outcome: 'applied' }) === 1
        ? scrape
        : undefined;
    }, 15_000, "quality's handler metric");
    expect(sampleOf(quality, 'napl_consumer_lag', { topic: topicPrefix + TOPICS.catalogueOffer.name })).toBe(0);
    expect(quality).toContain('# TYPE napl_events_dead_lettered_total counter');
  });
});
