/**
 * Merges the services' OpenAPI documents into the one document of the public API: every path under
 * /api/<service>, every schema name prefixed with the service (two services may both have an `OfferDto`), every
 * tag named after its service. Pure: the documents come in, one goes out.
 */

export interface OpenApiDocument {
  openapi?: string;
  info?: Record<string, unknown>;
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown>; [part: string]: unknown };
  tags?: { name: string; description?: string }[];
  [field: string]: unknown;
}

export interface ServiceDocument {
  readonly service: string;
  readonly document?: OpenApiDocument;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const INTERNAL = /^\/(health|metrics|docs)(\/|$)/;

/** `catalogue` + `OfferDto` → `CatalogueOfferDto`. */
export function schemaNameOf(service: string, name: string): string {
  return `${service.charAt(0).toUpperCase()}${service.slice(1)}${name}`;
}

/** Every `$ref` to '#/components/schemas/X' in `value`, renamed for the service; everything else copied. */
function renameRefs(value: unknown, service: string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameRefs(item, service));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')) {
        return [key, `#/components/schemas/${schemaNameOf(service, inner.slice('#/components/schemas/'.length))}`];
      }
      return [key, renameRefs(inner, service)];
    }),
  );
}

export function mergeOpenApi(gateway: OpenApiDocument, services: readonly ServiceDocument[], info: Record<string, unknown>): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = Object.fromEntries(Object.entries(gateway.paths ?? {}).filter(([path]) => !INTERNAL.test(path)));
  const schemas: Record<string, unknown> = { ...(gateway.components?.schemas ?? {}) };
  const tags: { name: string; description?: string }[] = [...(gateway.tags ?? [])];
  const missing: string[] = [];
  for (const { service, document } of services) {
    if (!document) {
      missing.push(service);
      continue;
    }
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (INTERNAL.test(path)) continue;
      const operations: Record<string, unknown> = {};
      for (const [method, operation] of Object.entries(item)) {
        if (!METHODS.includes(method)) {
          operations[method] = renameRefs(operation, service);
          continue;
        }
        const op = renameRefs(operation, service) as Record<string, unknown>;
        const ownTags = Array.isArray(op.tags) ? (op.tags as string[]) : [];
        op.tags = ownTags.length > 0 ? ownTags.map((tag) => `${service}: ${tag}`) : [service];
        if (typeof op.operationId === 'string') op.operationId = `${service}_${op.operationId}`;
        operations[method] = op;
      }
      paths[`/api/${service}${path}`] = operations;
    }
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      schemas[schemaNameOf(service, name)] = renameRefs(schema, service);
    }
    for (const tag of document.tags ?? []) tags.push({ ...tag, name: `${service}: ${tag.name}` });
  }
  return {
    openapi: gateway.openapi ?? '3.0.0',
    info: { ...info, ...(missing.length > 0 ? { 'x-napl-missing-services': missing } : {}) },
    tags,
    paths,
    components: { ...(gateway.components ?? {}), schemas },
  };
}
