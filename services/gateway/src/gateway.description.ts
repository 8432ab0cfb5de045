import type { ServiceDescription } from '@napl/service-kit';
import { isPortalPath } from './portal/portal-paths';

export const GATEWAY_SERVICE: ServiceDescription = {
  service: 'gateway',
  title: 'NAPL gateway',
  description:
    'De enige publieke ingang: aanmelden (OpenID Connect), API-tokens van opleiders, routering van /api/<dienst>/ naar de diensten, ' +
    'limieten per aanroeper en het auditlog. Het hele publieke API-document: /docs/api. Het webportaal: /.',
  isPagePath: isPortalPath,
};
