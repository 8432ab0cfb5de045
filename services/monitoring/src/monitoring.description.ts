import type { ServiceDescription } from '@napl/service-kit';

export const MONITORING_SERVICE: ServiceDescription = {
  service: 'monitoring',
  title: 'NAPL monitoring',
  description: 'Read models built only from events: participants against the 60,000 target, budget use, forecasts and exports.',
};
