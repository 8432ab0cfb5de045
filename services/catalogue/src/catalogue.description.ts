import type { ServiceDescription } from '@napl/service-kit';

export const CATALOGUE_SERVICE: ServiceDescription = {
  service: 'catalogue',
  title: 'NAPL catalogus',
  description: 'Providers, professionalisation offers (aanbod) and their runs (uitvoeringen): publication lifecycle and search.',
};
