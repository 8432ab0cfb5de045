import { isoDateOf, readConfirmation, readDecision, readScores, valuesOfScores } from './assessment-forms';
import type { Criterion } from './quality-api';

const criteria: Criterion[] = [
  { code: 'K1', title: 'Vraaggestuurd', description: 'd', evidence: 'e', required: true },
  { code: 'K2', title: 'Onderbouwd', description: 'd', evidence: 'e', required: false },
];

describe('readScores', () => {
  it('reads met, an optional score and the justification of every criterion', () => {
    const { scores, errors } = readScores(criteria, {
      'met-K1': 'ja',
      'score-K1': '4',
      'onderbouwing-K1': 'Goed onderbouwd',
      'met-K2': 'nee',
      'onderbouwing-K2': 'Geen bronnen',
    });
    expect(errors).toEqual([]);
    expect(scores).toEqual([
      { criterionCode: 'K1', met: true, score: 4, justification: 'Goed onderbouwd' },
      { criterionCode: 'K2', met: false, justification: 'Geen bronnen' },
    ]);
  });

  it('names each missing answer, justification and impossible score by its field', () => {
    const { errors } = readScores(criteria, { 'met-K1': 'ja', 'score-K1': '9', 'onderbouwing-K1': 'x', 'met-K2': 'misschien' });
    expect(errors).toEqual([
      { field: 'score-K1', message: 'Kies bij K1 een score van 1 tot en met 5' },
      { field: 'met-K2', message: 'Geef aan of aan K2 is voldaan' },
      { field: 'onderbouwing-K2', message: 'Geef een onderbouwing bij K2' },
    ]);
  });

  it('turns saved scores back into the form values', () => {
    expect(valuesOfScores([{ criterionCode: 'K1', met: false, score: null, justification: 'j', scoredAt: '' }])).toEqual({ 'met-K1': 'nee', 'onderbouwing-K1': 'j' });
  });
});

describe('readDecision', () => {
  const today = '2026-11-30';

  it('takes an approval with its summary', () => {
    expect(readDecision({ outcome: 'approved', summary: 'Voldoet' }, today)).toEqual({ decision: { outcome: 'approved', summary: 'Voldoet', conditions: [] }, errors: [] });
  });

  it('takes conditions one per line and a Dutch date for an approval with conditions', () => {
    const { decision } = readDecision({ outcome: 'approved-with-conditions', summary: 's', conditions: 'Eén\r\n\r\nTwee ', conditionsDeadline: '1-3-2027' }, today);
    expect(decision).toEqual({ outcome: 'approved-with-conditions', summary: 's', conditions: ['Eén', 'Twee'], conditionsDeadline: '2027-03-01' });
  });

  it('refuses conditions without a future deadline, and conditions with another outcome', () => {
    expect(readDecision({ outcome: 'approved-with-conditions', summary: 's', conditionsDeadline: today }, today).errors.map((error) => error.field)).toEqual([
      'conditions',
      'conditionsDeadline',
    ]);
    expect(readDecision({ outcome: 'rejected', summary: 's', conditions: 'x' }, today).errors.map((error) => error.field)).toEqual(['conditions']);
    expect(readDecision({}, today).errors.map((error) => error.field)).toEqual(['outcome', 'summary']);
  });
});

describe('readConfirmation', () => {
  it('agrees, or disagrees only with a reason', () => {
    expect(readConfirmation({ agree: 'ja' }).confirmation).toEqual({ agree: true });
    expect(readConfirmation({ agree: 'nee', reason: 'K3 klopt niet' }).confirmation).toEqual({ agree: false, reason: 'K3 klopt niet' });
    expect(readConfirmation({ agree: 'nee' }).errors).toEqual([{ field: 'reason', message: 'Geef een reden als u de beslissing niet bevestigt' }]);
    expect(readConfirmation({}).errors[0].field).toBe('agree');
  });
});

describe('isoDateOf', () => {
  it('accepts existing dates only', () => {
    expect(isoDateOf('2027-02-28')).toBe('2027-02-28');
    expect(isoDateOf('31-12-2027')).toBe('2027-12-31');
    expect(isoDateOf('2027-02-30')).toBeUndefined();
    expect(isoDateOf('morgen')).toBeUndefined();
  });
});
