import {
  assertCapacityCoversEnrolled,
  assertNotEnded,
  assertPlanNotInPast,
  effectivePriceCents,
  mergeRunPlan,
  pastDateProblems,
  runProblems,
  type RunPlan,
} from './run-rules';

const plan: RunPlan = {
  startDate: '2027-02-01',
  endDate: '2027-03-15',
  sessions: [
    { date: '2027-02-01', startTime: '15:30', endTime: '18:00' },
    { date: '2027-03-15', startTime: '15:30', endTime: '18:00' },
  ],
  online: false,
  location: 'Zwolle, Campus Windesheim',
  capacity: 16,
  enrolmentDeadline: new Date('2027-01-20T23:59:00+01:00'),
  priceCents: null,
};

describe('run rules', () => {
  it('accepts a consistent plan', () => {
    expect(runProblems(plan)).toEqual([]);
  });

  it('refuses an end before the start, sessions outside the run, a late deadline and a missing place', () => {
    const fields = runProblems({
      ...plan,
      endDate: '2027-01-31',
      location: null,
      sessions: [{ date: '2027-02-01', startTime: '18:00', endTime: '15:00' }],
      enrolmentDeadline: new Date('2027-02-01T23:30:00Z'),
    }).map((problem) => problem.field);
    expect(fields).toEqual(['endDate', 'location', 'sessions.0.date', 'sessions.0.endTime', 'enrolmentDeadline']);
  });

  it('needs no location online', () => {
    expect(runProblems({ ...plan, online: true, location: null })).toEqual([]);
  });

  it('uses the offer price unless the run has its own, even a free run', () => {
    expect(effectivePriceCents({ priceCents: null }, 45_000)).toBe(45_000);
    expect(effectivePriceCents({ priceCents: 0 }, 45_000)).toBe(0);
  });

  it('refuses a new run that starts or ends before today (Amsterdam)', () => {
    expect(pastDateProblems(plan, '2027-02-01')).toEqual([]);
    expect(pastDateProblems(plan, '2027-02-02').map((p) => p.field)).toEqual(['startDate']);
    expect(pastDateProblems(plan, '2027-03-16').map((p) => p.field)).toEqual(['startDate', 'endDate']);
    expect(() => assertPlanNotInPast(plan, '2027-02-02')).toThrow(expect.objectContaining({ code: 'RUN_DATE_IN_PAST', kind: 'unprocessable' }));
  });

  it('lets a run under way keep its past start, but never moves a date into the past', () => {
    const today = '2027-02-10';
    expect(pastDateProblems(plan, today, plan)).toEqual([]);
    expect(pastDateProblems({ ...plan, startDate: '2027-02-03' }, today, plan).map((p) => p.field)).toEqual(['startDate']);
    expect(pastDateProblems({ ...plan, endDate: '2027-02-09' }, today, plan).map((p) => p.field)).toEqual(['endDate']);
    expect(pastDateProblems({ ...plan, startDate: '2027-02-20' }, today, plan)).toEqual([]);
  });

  it('refuses changing or cancelling a run after its end date, not on it', () => {
    expect(() => assertNotEnded(plan, '2027-03-15')).not.toThrow();
    expect(() => assertNotEnded(plan, '2027-03-16')).toThrow(expect.objectContaining({ code: 'RUN_ENDED', kind: 'conflict' }));
  });

  it('merges a patch: fields left out stay, fields sent replace, null clears a nullable field, sessions as a whole', () => {
    const merged = mergeRunPlan(plan, { capacity: 24, location: null, online: true, sessions: [{ date: '2027-02-01', startTime: '09:00', endTime: '12:00' }] });
    expect(merged).toEqual({ ...plan, capacity: 24, location: null, online: true, sessions: [{ date: '2027-02-01', startTime: '09:00', endTime: '12:00' }] });
    expect(mergeRunPlan(plan, { enrolmentDeadline: null, priceCents: 12_500 })).toEqual({ ...plan, enrolmentDeadline: null, priceCents: 12_500 });
    expect(mergeRunPlan(plan, {})).toEqual(plan);
    expect(plan.capacity).toBe(16);
  });

  it('refuses lowering the capacity below the places taken, and allows keeping or raising it', () => {
    expect(() => assertCapacityCoversEnrolled(9, 16, 10)).toThrow(expect.objectContaining({ code: 'CAPACITY_BELOW_ENROLLED', kind: 'unprocessable' }));
    expect(() => assertCapacityCoversEnrolled(10, 16, 10)).not.toThrow();
    expect(() => assertCapacityCoversEnrolled(16, 16, 20)).not.toThrow();
    expect(() => assertCapacityCoversEnrolled(18, 16, 20)).not.toThrow();
  });
});
