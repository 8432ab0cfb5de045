/**
 * Runs of the demo offers, once the quality step approved them and the catalogue published them (through the
 * quality service's events, so this waits). Runs on every start: an offer that already has runs is left alone.
 */
import { DemoClient } from '../demo-client';
import { ACCOUNT_OF, offersByTitle, type DemoOffer } from './10-catalogue';

export default async function catalogueRunsDemo(client: DemoClient): Promise<string> {
  const { offers } = DemoClient.readData<{ offers: DemoOffer[] }>('catalogue-offers.json');
  let scheduled = 0;
  let skipped = 0;
  for (const offer of offers) {
    const account = ACCOUNT_OF[offer.provider];
    const published = await client.eventually(
      `publication of "${offer.title}"`,
      async () => {
        const found = (await offersByTitle(client, account)).get(offer.title);
        return found && ['published', 'suspended', 'withdrawn'].includes(found.status) ? found : undefined;
      },
      90_000,
    );
    if (published.status !== 'published') {
      skipped++;
      continue;
    }
    const existing = await client.expect<{ total: number }>([200], account, 'catalogue', 'GET', `/v1/offers/${published.offerId}/runs?pageSize=1`);
    if (existing.body.total > 0) continue;
    for (const [index, run] of offer.runs.entries()) {
      await client.expect([201], account, 'catalogue', 'POST', `/v1/offers/${published.offerId}/runs`, runPlan(run), {
        'Idempotency-Key': `demo-run-${published.offerId}-${index}`,
      });
      scheduled++;
    }
  }
  return `${scheduled} runs scheduled${skipped ? `, ${skipped} offers not published (skipped)` : ''}`;
}

/** Weekly afternoon sessions from a start some weeks ahead (Mondays), deadline a week before the start. */
function runPlan(run: DemoOffer['runs'][number]): Record<string, unknown> {
  const start = new Date();
  start.setUTCDate(start.getUTCDate() + run.weeksFromNow * 7 + ((8 - start.getUTCDay()) % 7));
  const day = (offsetWeeks: number): string => new Date(start.getTime() + offsetWeeks * 7 * 86_400_000).toISOString().slice(0, 10);
  const sessions = Array.from({ length: run.sessions }, (_, week) => ({ date: day(week * 2), startTime: '15:30', endTime: '18:00' }));
  const deadline = new Date(start.getTime() - 7 * 86_400_000);
  return {
    startDate: sessions[0].date,
    endDate: sessions.at(-1)!.date,
    sessions,
    online: run.online,
    location: run.online ? null : run.location,
    capacity: run.capacity,
    enrolmentDeadline: `${deadline.toISOString().slice(0, 10)}T23:59:00+01:00`,
  };
}
