import {
  assertAttendanceAllowed,
  assertOpenForEnrolment,
  assertResultAllowed,
  assertTeacherMayCancel,
  assertTeamFits,
  placeFor,
  placesToPromote,
  waitingListMovesUp,
  type RunFacts,
} from './enrolment-rules';

const run: RunFacts = {
  status: 'scheduled',
  startDate: '2027-02-01',
  endDate: '2027-06-30',
  enrolmentDeadline: new Date('2027-01-15T23:59:00+01:00'),
  capacity: 20,
};
const published = { status: 'published' as const, teamProgramme: false };

describe('enrolment rules', () => {
  it('opens a scheduled run of a published offer until its deadline', () => {
    expect(() => assertOpenForEnrolment(run, published, new Date('2027-01-15T22:58:00Z'))).not.toThrow();
    expect(() => assertOpenForEnrolment(run, published, new Date('2027-01-15T23:00:00Z'))).toThrow(/inschrijftermijn/);
  });

  it('without a deadline, closes on the start day', () => {
    const noDeadline = { ...run, enrolmentDeadline: null };
    expect(() => assertOpenForEnrolment(noDeadline, published, new Date('2027-01-31T12:00:00Z'))).not.toThrow();
    expect(() => assertOpenForEnrolment(noDeadline, published, new Date('2027-01-31T23:30:00Z'))).toThrow(/inschrijftermijn/);
  });

  it('refuses a cancelled run and an offer that is unknown, suspended or withdrawn', () => {
    const before = new Date('2027-01-01T00:00:00Z');
    expect(() => assertOpenForEnrolment({ ...run, status: 'cancelled' }, published, before)).toThrow(expect.objectContaining({ code: 'RUN_CANCELLED' }));
    expect(() => assertOpenForEnrolment(run, null, before)).toThrow(expect.objectContaining({ code: 'OFFER_NOT_OPEN' }));
    expect(() => assertOpenForEnrolment(run, { ...published, status: 'suspended' }, before)).toThrow(expect.objectContaining({ code: 'OFFER_NOT_OPEN' }));
    expect(() => assertOpenForEnrolment(run, { ...published, status: 'withdrawn' }, before)).toThrow(expect.objectContaining({ code: 'OFFER_NOT_OPEN' }));
  });

  it('confirms while places are left and waitlists after', () => {
    expect(placeFor(19, 20)).toBe('confirmed');
    expect(placeFor(20, 20)).toBe('waitlisted');
    expect(placeFor(25, 20)).toBe('waitlisted'); // capacity lowered below the places taken
  });

  it('fits a team only as a whole, with a Dutch message naming the shortfall', () => {
    expect(() => assertTeamFits(15, 20, 5)).not.toThrow();
    expect(() => assertTeamFits(16, 20, 5)).toThrow('Er zijn niet genoeg plaatsen voor het hele team: nog 4 plaatsen vrij, 5 nodig. Er is niemand ingeschreven.');
    expect(() => assertTeamFits(25, 20, 1)).toThrow(/nog 0 plaatsen vrij/);
  });

  it('promotes as many as places came free, never more than wait', () => {
    expect(placesToPromote(19, 20, 3)).toBe(1);
    expect(placesToPromote(15, 20, 3)).toBe(3);
    expect(placesToPromote(22, 20, 3)).toBe(0);
  });

  it('moves the waiting list up only in a scheduled run before its start day (Amsterdam)', () => {
    expect(waitingListMovesUp(run, new Date('2027-01-31T22:59:00Z'))).toBe(true);
    expect(waitingListMovesUp(run, new Date('2027-01-31T23:00:00Z'))).toBe(false);
    expect(waitingListMovesUp({ ...run, status: 'cancelled' }, new Date('2026-01-01T12:00:00Z'))).toBe(false);
  });

  it('lets a teacher cancel only before the start day', () => {
    expect(() => assertTeacherMayCancel('2027-02-01', new Date('2027-01-31T12:00:00Z'))).not.toThrow();
    expect(() => assertTeacherMayCancel('2027-02-01', new Date('2027-02-01T08:00:00Z'))).toThrow(expect.objectContaining({ code: 'TOO_LATE_TO_CANCEL' }));
  });

  it('records attendance from the start, for an existing session', () => {
    const started = { ...run, sessionCount: 6 };
    expect(() => assertAttendanceAllowed(started, 1, new Date('2027-01-31T12:00:00Z'))).toThrow(expect.objectContaining({ code: 'RUN_NOT_STARTED' }));
    expect(() => assertAttendanceAllowed(started, 6, new Date('2027-02-01T12:00:00Z'))).not.toThrow();
    expect(() => assertAttendanceAllowed(started, 7, new Date('2027-02-01T12:00:00Z'))).toThrow(expect.objectContaining({ code: 'SESSION_OUT_OF_RANGE', kind: 'invalid' }));
  });

  it('records the result only after the end date', () => {
    expect(() => assertResultAllowed('2027-06-30', new Date('2027-06-30T20:00:00Z'))).toThrow(expect.objectContaining({ code: 'RUN_NOT_ENDED' }));
    expect(() => assertResultAllowed('2027-06-30', new Date('2027-06-30T22:30:00Z'))).not.toThrow();
  });
});
