import { OPENAPI_PUBLIC, OPENAPI_ROLES, ROLES, type Role } from '@napl/auth';
import { openApiDocument, type ServiceConfig } from '@napl/service-kit';
import type { TestService } from '../service-harness';

/** The part of a JSON schema the suite reads to build valid and hostile values. */
export interface FieldSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: FieldSchema;
  properties?: Record<string, FieldSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  nullable?: boolean;
  example?: unknown;
  $ref?: string;
  allOf?: FieldSchema[];
  oneOf?: FieldSchema[];
  anyOf?: FieldSchema[];
}

export interface OperationParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  readonly schema: FieldSchema;
}

/** One route of a service as its OpenAPI document describes it, with who may call it. */
export interface ApiOperation {
  /** `METHOD /path/{param}`, the key fixtures use. */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly public: boolean;
  /** The roles of `@Roles(...)`; undefined: every signed-in role. */
  readonly roles?: readonly Role[];
  readonly parameters: readonly OperationParameter[];
  readonly body?: { readonly schema: FieldSchema; readonly required: boolean };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, FieldSchema> };
}

interface RawOperation {
  parameters?: { name: string; in: OperationParameter['in']; required?: boolean; schema?: FieldSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: FieldSchema }> };
  [extension: string]: unknown;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * The service's OpenAPI document, built in-process from the running app: the same document `/docs` serves, without
 * depending on that route (which production may switch off).
 */
export function openApiDocumentOf(service: Pick<TestService<ServiceConfig>, 'app' | 'description'>): OpenApiDocument {
  return openApiDocument(service.app, service.description) as unknown as OpenApiDocument;
}

/** Every operation of the document, its schemas' `$ref`s resolved, sorted by path then method. */
export function operationsOf(document: OpenApiDocument): ApiOperation[] {
  const schemas = document.components?.schemas ?? {};
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const roles = raw[OPENAPI_ROLES] as Role[] | undefined;
      const bodySchema = raw.requestBody?.content?.['application/json']?.schema;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        public: raw[OPENAPI_PUBLIC] === true,
        roles: roles?.filter((role) => (ROLES as readonly string[]).includes(role)),
        parameters: (raw.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required ?? parameter.in === 'path',
          schema: resolve(parameter.schema ?? { type: 'string' }, schemas),
        })),
        body: bodySchema ? { schema: resolve(bodySchema, schemas), required: raw.requestBody?.required ?? true } : undefined,
      });
    }
  }
  return operations.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Inlines `$ref`s (and a single-member allOf, as Nest writes nested DTOs), a few levels deep. */
function resolve(schema: FieldSchema, schemas: Record<string, FieldSchema>, depth = 0): FieldSchema {
  if (depth > 8) return {};
  let own = schema;
  if (own.$ref) own = { ...(schemas[own.$ref.replace('#/components/schemas/', '')] ?? {}), ...withoutRef(own) };
  if (own.allOf?.length === 1) own = { ...resolve(own.allOf[0], schemas, depth + 1), ...withoutKey(own, 'allOf') };
  return {
    ...own,
    items: own.items ? resolve(own.items, schemas, depth + 1) : undefined,
    properties: own.properties
      ? Object.fromEntries(Object.entries(own.properties).map(([name, property]) => [name, resolve(property, schemas, depth + 1)]))
      : undefined,
  };
}

function withoutRef(schema: FieldSchema): FieldSchema {
  return withoutKey(schema, '$ref');
}

function withoutKey(schema: FieldSchema, key: keyof FieldSchema): FieldSchema {
  const copy = { ...schema };
  delete copy[key];
  return copy;
}

/** Whether the signed-in role may call the operation, as its `@Roles` say. */
export function roleAllowed(operation: ApiOperation, role: Role): boolean {
  return !operation.roles || operation.roles.includes(role);
}
