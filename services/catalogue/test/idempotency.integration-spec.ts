import type { TestService } from '@napl/testing';
import type { CatalogueConfig } from '../src/catalogue.config';
import { clientOf, offerContent, startCatalogue } from './catalogue-harness';

/**
 * The Idempotency-Key, the command's effect and the stored response commit together or not at all: a failure after
 * the effect but before the response is stored (the crash window) leaves nothing behind, so the retry makes the
 * change once. Concurrent repeats wait for the first and get its answer.
 */
describe('Idempotency-Key in the transaction of the effect', () => {
  let catalogue: TestService<CatalogueConfig>;

  beforeAll(async () => {
    catalogue = await startCatalogue();
  });

  afterAll(() => catalogue?.close());

  async function offersTitled(title: string): Promise<number> {
    const [{ count }] = await catalogue.dataSource.query('SELECT count(*)::int AS count FROM offer_version WHERE title = $1', [title]);
    return count;
  }

  it('leaves neither effect nor key when storing the response fails, so the retry creates the offer once', async () => {
    const hanze = await clientOf(catalogue, 'opleider-hanze');
    const title = 'Aanbod in het crashvenster';
    // Storing the response of this key fails: the moment after the offer was written, before the key completed.
    await catalogue.dataSource.query(`
      CREATE FUNCTION fail_storing_response() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'crash between effect and response'; END $$;
      CREATE TRIGGER fail_storing_response BEFORE UPDATE ON idempotency_key
        FOR EACH ROW WHEN (NEW.idempotency_key = 'crash-window') EXECUTE FUNCTION fail_storing_response();`);
    try {
      await hanze.post('/v1/offers', offerContent({ title })).set('Idempotency-Key', 'crash-window').expect(500);
      expect(await offersTitled(title)).toBe(0);
    } finally {
      await catalogue.dataSource.query('DROP TRIGGER fail_storing_response ON idempotency_key; DROP FUNCTION fail_storing_response();');
    }

    const retry = await hanze.post('/v1/offers', offerContent({ title })).set('Idempotency-Key', 'crash-window').expect(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const repeat = await hanze.post('/v1/offers', offerContent({ title })).set('Idempotency-Key', 'crash-window').expect(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body.offerId).toBe(retry.body.offerId);
    expect(await offersTitled(title)).toBe(1);
  });

  it('answers repeats sent at the same moment with the one offer the first created', async () => {
    const hanze = await clientOf(catalogue, 'opleider-hanze');
    const title = 'Tegelijk verstuurd aanbod';
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => hanze.post('/v1/offers', offerContent({ title })).set('Idempotency-Key', 'all-at-once')),
    );

    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((response) => response.body.offerId)).size).toBe(1);
    expect(responses.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
    expect(await offersTitled(title)).toBe(1);
  });
});
