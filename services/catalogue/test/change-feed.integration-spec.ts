import { randomUUID } from 'node:crypto';
import { DEMO_IDS } from '@napl/auth';
import type { TestService } from '@napl/testing';
import type { CatalogueConfig } from '../src/catalogue.config';
import { recordChange } from '../src/changes/application/change-feed';
import { ChangeFeedService } from '../src/changes/application/change-feed.service';
import { clientOf, offerContent, startCatalogue } from './catalogue-harness';

interface FeedItem {
  cursor: string;
  offerId: string;
  kind: string;
}

const WRITERS = 50;

/**
 * Follows a provider's feed from `start` as a client would, while writers commit. Every answer must continue exactly
 * at cursor + 1 without holes: positions are gap-free, so a hole would mean n + 1 became visible before n.
 */
function follow(read: (after: string) => Promise<{ items: FeedItem[]; nextCursor: string }>, start: string) {
  const seen: FeedItem[] = [];
  let cursor = start;
  let writing = true;
  const pass = async (): Promise<number> => {
    const page = await read(cursor);
    page.items.forEach((item, index) => expect(item.cursor).toBe(String(BigInt(cursor) + BigInt(index) + 1n)));
    seen.push(...page.items);
    cursor = page.nextCursor;
    return page.items.length;
  };
  let failure: unknown;
  const running = (async () => {
    while (writing) await pass();
    while ((await pass()) > 0);
  })().catch((error: unknown) => {
    failure = error;
  });
  return {
    stop: async (): Promise<FeedItem[]> => {
      writing = false;
      await running;
      if (failure) throw failure;
      return seen;
    },
  };
}

const positions = (from: string, count: number): string[] => Array.from({ length: count }, (_, i) => String(BigInt(from) + BigInt(i) + 1n));

describe('catalogue: the provider change feed under concurrent decisions', () => {
  let catalogue: TestService<CatalogueConfig>;

  beforeAll(async () => {
    // Room for every writer to hold a transaction at the same time, plus the readers.
    catalogue = await startCatalogue({ DATABASE_POOL_SIZE: String(WRITERS + 10) });
    // supertest listens and closes per request on a server that is not listening, which breaks parallel requests.
    await catalogue.app.listen(0, '127.0.0.1');
  }, 60_000);

  afterAll(() => catalogue?.close());

  it('numbers 50 simultaneous submissions of one provider 1..n without gaps, and a cursor reader gets each once', async () => {
    const hanze = await clientOf(catalogue, 'opleider-hanze');
    const start = (await hanze.get('/v1/providers/me/changes').expect(200)).body.nextCursor as string;
    const offers = await Promise.all(
      Array.from({ length: WRITERS }, async (_, i) => (await hanze.post('/v1/offers', offerContent({ title: `Gelijktijdig ${i}` })).expect(201)).body.offerId as string),
    );

    const reader = follow(async (after) => (await hanze.get(`/v1/providers/me/changes?after=${after}&limit=7`).expect(200)).body, start);
    await Promise.all(offers.map((id) => hanze.post(`/v1/offers/${id}/submit`).expect(200)));
    const followed = await reader.stop();

    expect(followed.map((item) => item.cursor)).toEqual(positions(start, WRITERS));
    expect(new Set(followed.map((item) => item.offerId))).toEqual(new Set(offers));
    expect(followed.every((item) => item.kind === 'submitted')).toBe(true);

    // Paging afterwards gives the same entries, each exactly once.
    const paged: FeedItem[] = [];
    let cursor = start;
    for (let more = true; more; ) {
      const { body } = await hanze.get(`/v1/providers/me/changes?after=${cursor}&limit=10`).expect(200);
      paged.push(...body.items);
      cursor = body.nextCursor;
      more = body.hasMore;
    }
    expect(paged).toEqual(followed);
  }, 15_000);

  it('keeps positions gap-free and in commit order when transactions stay open, roll back or interleave with another provider', async () => {
    const { dataSource } = catalogue;
    const feed = catalogue.app.get(ChangeFeedService);
    const startOf = async (providerId: string) => (await feed.read(providerId, undefined, 500)).items.at(-1)?.cursor ?? '0';
    const [hanzeStart, windesheimStart] = [await startOf(DEMO_IDS.providerHanze), await startOf(DEMO_IDS.providerWindesheim)];
    const reader = follow((after) => feed.read(DEMO_IDS.providerHanze, after, 5), hanzeStart);

    const write = (providerId: string, offerId: string, rollBack: boolean) =>
      dataSource
        .transaction(async (manager) => {
          await recordChange(manager, { providerId, offerId, offerVersion: 1, kind: 'published', occurredAt: new Date() });
          // Stay open after taking a position, so a later writer would overtake this one if it could.
          await manager.query('SELECT pg_sleep($1)', [Math.random() * 0.01]);
          if (rollBack) throw new Error('rolled back on purpose');
        })
        .then(
          () => offerId,
          () => undefined,
        );
    const writes = [
      ...Array.from({ length: WRITERS }, (_, i) => write(DEMO_IDS.providerHanze, randomUUID(), i % 10 === 3)),
      ...Array.from({ length: 10 }, () => write(DEMO_IDS.providerWindesheim, randomUUID(), false)),
    ];
    const committed = (await Promise.all(writes.slice(0, WRITERS))).filter((id) => id !== undefined);
    await Promise.all(writes.slice(WRITERS));
    const followed = await reader.stop();

    expect(committed).toHaveLength(WRITERS - 5);
    expect(followed.map((item) => item.cursor)).toEqual(positions(hanzeStart, committed.length));
    expect(followed.map((item) => item.offerId).sort()).toEqual([...committed].sort());
    const windesheim = await feed.read(DEMO_IDS.providerWindesheim, windesheimStart, 500);
    expect(windesheim.items.map((item) => item.cursor)).toEqual(positions(windesheimStart, 10));
  }, 15_000);

  it('refuses a second entry at a position a provider already has', async () => {
    const { dataSource } = catalogue;
    const [{ position }] = await dataSource.query(`SELECT max(position) AS position FROM provider_change WHERE provider_id = $1`, [DEMO_IDS.providerHanze]);
    await expect(
      dataSource.query(
        `INSERT INTO provider_change (provider_id, position, offer_id, offer_version, kind, detail, occurred_at) VALUES ($1, $2, $3, 1, 'submitted', '{}', now())`,
        [DEMO_IDS.providerHanze, position, randomUUID()],
      ),
    ).rejects.toThrow(/duplicate key/);
  });
});
