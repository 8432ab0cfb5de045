import type { ServiceDescription } from '@napl/service-kit';

export const PATHS_SERVICE: ServiceDescription = {
  service: 'paths',
  title: 'NAPL ontwikkelpaden',
  description: 'Development paths (ontwikkelpaden): versioned definitions, which offers count for which step, each teacher path and progress.',
};
