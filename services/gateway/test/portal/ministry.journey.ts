import type { PortalUnderTest } from '../support/portal-under-test';

/** The main journeys of the ministry (dashboard, exports, rules, regions, review queue, audit log), in a real browser. */
export function ministryJourneys(portal: () => PortalUnderTest): void {
  void portal;
  it.todo('ministry journeys');
}
