import type { ServiceDescription } from '@napl/service-kit';

export const QUALITY_SERVICE: ServiceDescription = {
  service: 'quality',
  title: 'NAPL kwaliteit',
  description: 'The quality framework (kwaliteitskader), assessments of offers, quality marks and participant evaluations.',
};
