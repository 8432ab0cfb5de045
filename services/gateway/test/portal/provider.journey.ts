import type { PortalUnderTest } from '../support/portal-under-test';

/** The main journeys of a provider, in a real browser. */
export function providerJourneys(portal: () => PortalUnderTest): void {
  void portal;
  it.todo('provider journeys');
}
