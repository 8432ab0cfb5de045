import type { Outcome } from './region-data';
import { enrolmentText, refusedLinesOf } from './region-views';

const outcome: Outcome = {
  enrolmentId: '8d452d62-e726-45a5-b12e-b12109c66670',
  schoolId: '12AB01',
  offerId: 'e055e679-2af6-447d-902a-496376446b6c',
  enrolledOn: '2026-11-30',
  budgetYear: 2026,
  reason: 'ELIGIBLE',
  reasonText: 'Komt in aanmerking voor vergoeding.',
  eligible: true,
  amountCents: 29750,
};

describe('region views', () => {
  it('describes an enrolment by school, offer and date, and an unknown one by its id', () => {
    const titles = new Map([[outcome.offerId, 'Formatief evalueren']]);
    expect(enrolmentText(outcome, titles, outcome.enrolmentId)).toBe('School 12AB01 – Formatief evalueren – ingeschreven op 30 november 2026 (inschrijving 8d452d62)');
    expect(enrolmentText(outcome, new Map(), outcome.enrolmentId)).toBe('School 12AB01 – aanbod e055e679 – ingeschreven op 30 november 2026 (inschrijving 8d452d62)');
    expect(enrolmentText(undefined, titles, outcome.enrolmentId)).toBe('Inschrijving 8d452d62');
  });

  it('takes the refused lines from a problem, and ignores what is not a line', () => {
    const line = { lineNo: 1, enrolmentId: outcome.enrolmentId, reason: 'ALREADY_REIMBURSED', message: 'Al gedeclareerd.' };
    expect(refusedLinesOf({ status: 409, lines: [line, { lineNo: '2' }, null, 'x'] })).toEqual([line]);
    expect(refusedLinesOf({ status: 422 })).toEqual([]);
    expect(refusedLinesOf({ status: 422, lines: 'nee' })).toEqual([]);
  });
});
