import type { ServiceDescription } from '@napl/service-kit';

export const ENROLMENTS_SERVICE: ServiceDescription = {
  service: 'enrolments',
  title: 'NAPL inschrijvingen',
  description: 'Teachers enrol in runs of quality-approved offers; capacity, waiting lists, attendance and completion.',
};
