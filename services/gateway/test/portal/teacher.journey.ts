import type { PortalUnderTest } from '../support/portal-under-test';

/** The main journeys of a teacher and a school leader, in a real browser. */
export function teacherJourneys(portal: () => PortalUnderTest): void {
  void portal;
  it.todo('teacher journeys');
}
