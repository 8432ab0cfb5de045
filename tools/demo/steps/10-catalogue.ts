/**
 * Demo data of the catalogue: the demo providers (with the ids the demo tokens carry) and their offers, submitted
 * for quality assessment, through the HTTP API. Runs on every start: a provider or offer that exists is looked up,
 * not created again; an offer still in draft is submitted.
 */
import { DEMO_IDS } from '@napl/auth';
import { DemoClient, type DemoAccount } from '../demo-client';

export interface DemoProvider {
  key: 'providerHanze' | 'providerWindesheim';
  name: string;
  kvkNumber: string;
  contactEmail: string;
  contactPhone: string;
  websiteUrl: string;
}

export interface DemoOffer {
  provider: DemoProvider['key'];
  title: string;
  runs: { weeksFromNow: number; sessions: number; online: boolean; location?: string; capacity: number }[];
  [field: string]: unknown;
}

export interface DemoOfferSummary {
  offerId: string;
  status: string;
  content: { title: string; status: string };
}

export const ACCOUNT_OF: Record<DemoProvider['key'], DemoAccount> = {
  providerHanze: 'opleider-hanze',
  providerWindesheim: 'opleider-windesheim',
};

/** The provider's offers by title (the demo titles are unique per provider). */
export async function offersByTitle(client: DemoClient, account: DemoAccount): Promise<Map<string, DemoOfferSummary>> {
  const response = await client.expect<{ items: DemoOfferSummary[] }>([200], account, 'catalogue', 'GET', '/v1/providers/me/offers?pageSize=100');
  return new Map(response.body.items.map((offer) => [offer.content.title, offer]));
}

export default async function catalogueDemo(client: DemoClient): Promise<string> {
  const data = DemoClient.readData<{ providers: DemoProvider[]; offers: DemoOffer[] }>('catalogue-offers.json');
  let registered = 0;
  for (const provider of data.providers) {
    const id = DEMO_IDS[provider.key];
    const existing = await client.expect([200, 404], 'beheerder', 'catalogue', 'GET', `/v1/providers/${id}`);
    if (existing.status === 404) {
      const { key: _key, ...fields } = provider;
      await client.expect([201], 'beheerder', 'catalogue', 'POST', '/v1/providers', { providerId: id, ...fields }, { 'Idempotency-Key': `demo-provider-${id}` });
      registered++;
    }
  }

  let created = 0;
  let submitted = 0;
  for (const account of Object.values(ACCOUNT_OF)) {
    const known = await offersByTitle(client, account);
    for (const offer of data.offers.filter((candidate) => ACCOUNT_OF[candidate.provider] === account)) {
      const { provider: _provider, runs: _runs, ...content } = offer;
      let current = known.get(offer.title);
      if (!current) {
        const response = await client.expect<DemoOfferSummary>([201], account, 'catalogue', 'POST', '/v1/offers', content, {
          'Idempotency-Key': `demo-offer-${offer.provider}-${offer.title}`.replace(/[^\x21-\x7e]/g, '-'),
        });
        current = response.body;
        created++;
      }
      if (current.status === 'draft' && current.content.status === 'draft') {
        await client.expect([200], account, 'catalogue', 'POST', `/v1/offers/${current.offerId}/submit`);
        submitted++;
      }
    }
  }
  return `${registered} providers registered, ${created} offers created, ${submitted} submitted for assessment`;
}
