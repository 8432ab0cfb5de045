import { isInternalServicePath, publicPathOf, routeOf } from './service-routes';

describe('service routes', () => {
  it('send /api/<service>/... to the service, with the rest of the path', () => {
    expect(routeOf('/api/catalogue/v1/offers')).toEqual({ service: 'catalogue', servicePath: '/v1/offers' });
    expect(routeOf('/api/enrolments')).toEqual({ service: 'enrolments', servicePath: '/' });
  });

  it('know no other service, and no path outside /api', () => {
    expect(routeOf('/api/gateway/v1/x')).toBeUndefined();
    expect(routeOf('/api/Catalogue/v1')).toBeUndefined();
    expect(routeOf('/catalogue/v1/offers')).toBeUndefined();
  });

  it("prefix a service's own paths for the public API", () => {
    expect(publicPathOf('quality', '/v1/marks/1')).toBe('/api/quality/v1/marks/1');
  });

  it('keep health, metrics and the API document of a service internal', () => {
    expect(isInternalServicePath('/health')).toBe(true);
    expect(isInternalServicePath('/health/ready')).toBe(true);
    expect(isInternalServicePath('/metrics')).toBe(true);
    expect(isInternalServicePath('/docs/openapi.json')).toBe(true);
    expect(isInternalServicePath('/v1/health-checks')).toBe(false);
  });
});
