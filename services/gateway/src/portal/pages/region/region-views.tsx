import { DataTable, Heading, fieldId } from '../../ui/components';
import { formatDate } from '../../ui/format';
import type { Outcome, RefusedLine } from './region-data';
import { reasonLabel } from './region-labels';

/** An enrolment in a few words: school, offer, date and short id (a region never sees a teacher's name). */
export function enrolmentText(outcome: Outcome | undefined, titles: ReadonlyMap<string, string>, enrolmentId: string): string {
  if (!outcome) return `Inschrijving ${enrolmentId.slice(0, 8)}`;
  const offer = titles.get(outcome.offerId) ?? `aanbod ${outcome.offerId.slice(0, 8)}`;
  // The short id tells apart two teachers of one school on the same offer.
  return `School ${outcome.schoolId ?? 'onbekend'} – ${offer} – ingeschreven op ${formatDate(outcome.enrolledOn)} (inschrijving ${enrolmentId.slice(0, 8)})`;
}

/** The lines a service refused, each with its reason in Dutch: the target of the error summary's link. */
export function RefusedLines({ lines, outcomes, titles }: { lines: readonly RefusedLine[]; outcomes: ReadonlyMap<string, Outcome>; titles: ReadonlyMap<string, string> }) {
  if (lines.length === 0) return null;
  return (
    <>
      <Heading level={2} id={fieldId('regels')}>
        Deze regels kunnen niet worden gedeclareerd
      </Heading>
      <DataTable
        caption="Geweigerde regels met de reden"
        rows={lines}
        rowKey={(line) => `${line.lineNo}:${line.enrolmentId}`}
        columns={[
          { header: 'Regel', cell: (line) => String(line.lineNo), numeric: true },
          { header: 'Inschrijving', cell: (line) => enrolmentText(outcomes.get(line.enrolmentId), titles, line.enrolmentId) },
          { header: 'Reden', cell: (line) => reasonLabel(line.reason) },
          { header: 'Toelichting', cell: (line) => line.message ?? outcomes.get(line.enrolmentId)?.reasonText ?? '–' },
        ]}
      />
    </>
  );
}

/** The lines of a service's refusal (its `lines` extension), if it sent any. */
export function refusedLinesOf(problem: { readonly [key: string]: unknown }): RefusedLine[] {
  const lines = problem['lines'];
  if (!Array.isArray(lines)) return [];
  return lines.filter(
    (line): line is RefusedLine => typeof line === 'object' && line !== null && typeof (line as RefusedLine).lineNo === 'number' && typeof (line as RefusedLine).enrolmentId === 'string',
  );
}

