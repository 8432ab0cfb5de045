import { mergeOpenApi } from './merge-openapi';

describe('mergeOpenApi', () => {
  const gateway = { openapi: '3.0.0', paths: { '/health': { get: {} }, '/v1/api-tokens': { get: { summary: 'tokens' } } }, components: { schemas: { TokenDto: {} } } };
  const catalogue = {
    paths: {
      '/health': { get: {} },
      '/v1/offers/{offerId}': { get: { operationId: 'get', tags: ['offers'], responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/OfferDto' } } } } } } },
    },
    components: { schemas: { OfferDto: { properties: { run: { $ref: '#/components/schemas/RunDto' } } }, RunDto: {} } },
  };
  const enrolments = { paths: { '/v1/runs': { get: { responses: {} } } }, components: { schemas: { RunDto: { type: 'object' } } } };

  it("puts every service's paths under /api/<service>, leaving out health, metrics and docs", () => {
    const merged = mergeOpenApi(gateway, [{ service: 'catalogue', document: catalogue }, { service: 'enrolments', document: enrolments }], { title: 'NAPL' });
    expect(Object.keys(merged.paths ?? {}).sort()).toEqual(['/api/catalogue/v1/offers/{offerId}', '/api/enrolments/v1/runs', '/v1/api-tokens']);
  });

  it('keeps two services\' schemas of the same name apart, and their references with them', () => {
    const merged = mergeOpenApi(gateway, [{ service: 'catalogue', document: catalogue }, { service: 'enrolments', document: enrolments }], { title: 'NAPL' });
    const schemas = merged.components?.schemas ?? {};
    expect(Object.keys(schemas).sort()).toEqual(['CatalogueOfferDto', 'CatalogueRunDto', 'EnrolmentsRunDto', 'TokenDto']);
    expect(schemas.CatalogueOfferDto).toEqual({ properties: { run: { $ref: '#/components/schemas/CatalogueRunDto' } } });
    const operation = merged.paths?.['/api/catalogue/v1/offers/{offerId}'].get as Record<string, unknown>;
    expect(JSON.stringify(operation)).toContain('#/components/schemas/CatalogueOfferDto');
    expect(operation).toMatchObject({ operationId: 'catalogue_get', tags: ['catalogue: offers'] });
  });

  it('names the services whose document could not be had', () => {
    const merged = mergeOpenApi(gateway, [{ service: 'catalogue', document: catalogue }, { service: 'quality' }], { title: 'NAPL' });
    expect(merged.info).toMatchObject({ title: 'NAPL', 'x-napl-missing-services': ['quality'] });
  });
});
