import { retryAfterSeconds, routeClassOf, windowStartOf } from './rate-limit-policy';

describe('rate-limit policy', () => {
  it('classes requests: reads, writes, enrolling, signing in', () => {
    expect(routeClassOf('GET', '/api/catalogue/v1/offers')).toBe('read');
    expect(routeClassOf('POST', '/api/catalogue/v1/offers')).toBe('write');
    expect(routeClassOf('POST', '/api/enrolments/v1/runs/r1/enrolments')).toBe('enrolment');
    expect(routeClassOf('POST', '/api/enrolments/v1/runs/r1/team-enrolments')).toBe('enrolment');
    expect(routeClassOf('POST', '/api/enrolments/v1/enrolments/e1/cancel')).toBe('write');
    expect(routeClassOf('GET', '/api/enrolments/v1/runs/r1/enrolments')).toBe('read');
    expect(routeClassOf('GET', '/auth/login')).toBe('sign-in');
  });

  it('counts in fixed windows and says how long until the next', () => {
    const now = Date.UTC(2030, 0, 1, 10, 0, 42, 500);
    const start = windowStartOf(now, 60);
    expect(start).toBe(Date.UTC(2030, 0, 1, 10, 0, 0) / 1000);
    expect(retryAfterSeconds(now, start, 60)).toBe(18);
    expect(retryAfterSeconds(start * 1000 + 59_999, start, 60)).toBe(1);
  });
});
