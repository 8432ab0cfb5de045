import type { ServiceDescription } from '@napl/service-kit';

export const GATEWAY_SERVICE: ServiceDescription = {
  service: 'gateway',
  title: 'NAPL gateway',
  description: 'The single HTTP entry: authentication, authorisation by role and scope, routing to the services, and the web portal.',
};
