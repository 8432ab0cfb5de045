import type { PortalUnderTest } from '../support/portal-under-test';

/** The main journeys of an assessor, and the ministry managing the quality framework and the paths, in a real browser. */
export function assessorJourneys(portal: () => PortalUnderTest): void {
  void portal;
  it.todo('assessor journeys');
}
