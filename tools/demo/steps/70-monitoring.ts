import type { DemoClient } from '../demo-client';

interface Figures<F> {
  asOf: string;
  figures: F;
}

interface Cell {
  key: string;
  value: number | null;
  suppressed: string | null;
}

interface ParticipantFigures {
  byRegion: { total: number | null; cells: Cell[] };
}

interface MoneyFigures {
  perRegionYear: { regionId: string; year: number; allocatedCents: number; committedCents: number }[];
}

const REGION = 'utrecht-stad';
const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const euros = (cents: number): string => EURO.format(cents / 100);

/**
 * The ministry's dashboard has figures for the demo region once monitoring has read the other services' events:
 * participants (enough teachers that the region's cell is not suppressed), and its budget with what is committed.
 * Waits for them; changes nothing.
 */
export default async function monitoring(client: DemoClient): Promise<string> {
  const participants = await client.eventually(
    `monitoring's participants of ${REGION}`,
    async () => {
      const response = await client.expect<Figures<ParticipantFigures>>([200], 'ministerie-ocw', 'monitoring', 'GET', '/v1/figures/participants');
      const cell = response.body.figures.byRegion.cells.find((candidate) => candidate.key === REGION);
      return cell && cell.value !== null && cell.value >= 10 ? cell.value : undefined;
    },
    60_000,
  );
  const money = await client.eventually(
    `monitoring's committed money of ${REGION}`,
    async () => {
      const response = await client.expect<Figures<MoneyFigures>>([200], 'ministerie-ocw', 'monitoring', 'GET', '/v1/figures/money');
      const year = response.body.figures.perRegionYear.find((row) => row.regionId === REGION && row.committedCents > 0);
      return year;
    },
    60_000,
  );
  return `${REGION}: ${participants} participants; ${money.year} budget ${euros(money.allocatedCents)}, committed ${euros(money.committedCents)}`;
}
