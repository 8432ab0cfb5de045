import { enrolmentTermPassed, placesLeft, runEnrolment, type RunEnrolmentFacts } from './run-enrolment';

const now = new Date('2027-03-01T10:00:00+01:00');
const run: RunEnrolmentFacts = {
  status: 'scheduled',
  offerPublished: true,
  startDate: '2027-04-01',
  enrolmentDeadline: new Date('2027-03-15T23:59:00+01:00'),
  capacity: 2,
  placesTaken: 1,
};

describe('runEnrolment', () => {
  it('is open while places are left, and the waiting list when the run is full or over-full', () => {
    expect(runEnrolment(run, now)).toBe('open');
    expect(runEnrolment({ ...run, placesTaken: 2 }, now)).toBe('waiting-list');
    expect(runEnrolment({ ...run, placesTaken: 5 }, now)).toBe('waiting-list');
  });

  it('is closed when the run is cancelled, its offer not published, or the term has passed', () => {
    expect(runEnrolment({ ...run, status: 'cancelled' }, now)).toBe('closed');
    expect(runEnrolment({ ...run, offerPublished: false }, now)).toBe('closed');
    expect(runEnrolment(run, new Date('2027-03-15T23:59:01+01:00'))).toBe('closed');
    expect(runEnrolment({ ...run, placesTaken: 2 }, new Date('2027-03-16T00:00:00+01:00'))).toBe('closed');
  });

  it('without a deadline closes on the start date in Amsterdam; with one on the start date, that morning is still open', () => {
    const noDeadline = { ...run, enrolmentDeadline: null };
    expect(enrolmentTermPassed(noDeadline, new Date('2027-03-31T23:59:00+02:00'))).toBe(false);
    expect(enrolmentTermPassed(noDeadline, new Date('2027-03-31T22:00:00Z'))).toBe(true);
    const deadlineOnStart = { ...run, enrolmentDeadline: new Date('2027-04-01T12:00:00+02:00') };
    expect(runEnrolment(deadlineOnStart, new Date('2027-04-01T09:00:00+02:00'))).toBe('open');
  });
});

describe('placesLeft', () => {
  it('is never negative', () => {
    expect(placesLeft(16, 3)).toBe(13);
    expect(placesLeft(16, 16)).toBe(0);
    expect(placesLeft(2, 5)).toBe(0);
  });
});
