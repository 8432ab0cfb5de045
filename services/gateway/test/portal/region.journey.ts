import type { PortalUnderTest } from '../support/portal-under-test';

/** The main journeys of an education region, in a real browser. */
export function regionJourneys(portal: () => PortalUnderTest): void {
  void portal;
  it.todo('region journeys');
}
