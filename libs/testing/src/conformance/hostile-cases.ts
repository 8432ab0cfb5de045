import { randomUUID } from 'node:crypto';
import { amsterdamTimestamp, isoDateInDays } from '../test-dates';
import type { ApiOperation, FieldSchema, OperationParameter } from './openapi-operations';

/**
 * What a hostile request must get:
 * - `reject`: the input is invalid on purpose; a 4xx problem with a Dutch message, and nothing stored;
 * - `survive`: the input may be valid (an SQL-looking text in a free-text field, null for an optional field,
 *   an unknown query parameter): any answer but a 5xx; a 2xx that echoes the field echoes it verbatim.
 */
export type Expectation = 'reject' | 'survive';

export interface HostileCase {
  readonly operation: string;
  readonly label: string;
  readonly expect: Expectation;
  readonly method: string;
  /** The concrete path with its query string, encoded. */
  readonly url: string;
  readonly headers: Record<string, string>;
  /** A JSON value to send, or raw bytes with their content type. */
  readonly body?: { readonly json: unknown } | { readonly raw: string; readonly contentType: string };
  /** A top-level body field the answer may echo: then it must be the value sent. */
  readonly echo?: { readonly field: string; readonly value: unknown };
}

/** A request's valid parts, which one hostile case at a time replaces. */
export interface RequestBaseline {
  readonly pathParams: Record<string, string>;
  readonly query: Record<string, string | string[]>;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

const SQL_INJECTIONS = ["' OR '1'='1", "'; DROP TABLE offers; --", '1; SELECT pg_sleep(5)--'];
const HTML_INJECTIONS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];
/** Dates that JavaScript's Date cannot read right or that do not exist: ISO week, ordinal, basic, expanded, impossible. */
export const HOSTILE_DATES = [
  '2027-W05-3',
  '2027-035',
  '20270120',
  '+002027-01-20',
  '2027-02-30',
  '2027-13-01',
  '2027-00-10',
  '0000-00-00',
  '2027-01-20T25:61:00Z',
  '2027-01-20T10:00:00+25:00',
  'morgen',
];
const HOSTILE_TIMES = ['25:00', '12:60', '9:5', '24:00:01'];
const HOSTILE_IDS = [
  'not-a-uuid',
  '0',
  '-1',
  "1' OR '1'='1",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u0000',
  '１２３',
  '99999999999999999999',
  'x'.repeat(3000),
];
const NESTING_DEPTH = 10_000;
const OVERSIZED_CHARACTERS = 2_000_000;

/** A valid-looking value for a schema: its example, first enum value, or one built from its type and limits. */
export function sampleValue(schema: FieldSchema, name = ''): unknown {
  if (schema.enum?.length) return schema.enum[0];
  if (isDateField(schema, name)) return schema.format === 'date-time' || /(At|Deadline)$/.test(name) ? amsterdamTimestamp(isoDateInDays(90)) : isoDateInDays(90);
  if (schema.example !== undefined && !Array.isArray(schema.example)) return schema.example;
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.min(Math.max(schema.minimum ?? 1, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return false;
    case 'array': {
      if (Array.isArray(schema.example)) return schema.example;
      const count = Math.max(schema.minItems ?? 1, 1);
      return Array.from({ length: count }, () => sampleValue(schema.items ?? { type: 'string' }, name));
    }
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([field, property]) => [field, sampleValue(property, field)]));
    default:
      if (schema.format === 'uuid' || /Id$/.test(name)) return randomUUID();
      if (isTimeField(name)) return '10:00';
      return 'x'.repeat(Math.min(Math.max(schema.minLength ?? 3, 3), schema.maxLength ?? 3));
  }
}

function isDateField(schema: FieldSchema, name: string): boolean {
  return schema.format === 'date' || schema.format === 'date-time' || /(Date|date|At|Deadline|Until|From)$/.test(name);
}

function isTimeField(name: string): boolean {
  return /Time$/.test(name);
}

/** A field with a format, pattern or enum: any text outside it is invalid, not just odd. */
function constrained(schema: FieldSchema, name: string): boolean {
  return Boolean(schema.enum?.length || schema.pattern || schema.format || isDateField(schema, name) || isTimeField(name));
}

interface Field {
  readonly path: (string | number)[];
  readonly name: string;
  readonly schema: FieldSchema;
  readonly required: boolean;
}

/** The fields of a body, nested objects and the first element of arrays included, two levels deep. */
export function fieldsOf(schema: FieldSchema, value: unknown, prefix: (string | number)[] = [], depth = 0): Field[] {
  if (depth > 2 || schema.type !== 'object' && !schema.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = [...prefix, name];
    const own: Field = { path, name, schema: property, required: required.has(name) };
    const current = (value as Record<string, unknown> | undefined)?.[name];
    const nested =
      property.type === 'array' && property.items?.properties && Array.isArray(current) && current.length > 0
        ? fieldsOf(property.items, current[0], [...path, 0], depth + 1)
        : property.properties
          ? fieldsOf(property, current, path, depth + 1)
          : [];
    return [own, ...nested];
  });
}

interface Mutation {
  readonly label: string;
  readonly expect: Expectation;
  /** `undefined` removes the field. */
  readonly value: unknown;
  readonly remove?: boolean;
  /** Text the database cannot keep as sent (a lone surrogate becomes U+FFFD): not compared with the answer. */
  readonly unstorable?: boolean;
}

/** Type-aware mutations of one field: wrong types, limits, injections, hostile dates, null and absence. */
export function mutationsOf(field: Field): Mutation[] {
  const { schema, name, required } = field;
  const reject = (label: string, value: unknown): Mutation => ({ label, expect: 'reject', value });
  const survive = (label: string, value: unknown): Mutation => ({ label, expect: 'survive', value });
  const mutations: Mutation[] = [
    required ? reject('null for a required field', null) : survive('null for an optional field', null),
    ...(required ? [{ label: 'missing required field', expect: 'reject' as const, value: undefined, remove: true }] : []),
  ];
  switch (schema.type) {
    case 'integer':
    case 'number':
      mutations.push(
        reject('number as text', '12'),
        reject('boolean for a number', true),
        reject('object for a number', { $gt: 0 }),
        reject('array for a number', [1]),
        (schema.maximum !== undefined ? reject : survive)('huge number 1e308', 1e308),
        (schema.minimum !== undefined ? reject : survive)('huge negative number -1e308', -1e308),
        (schema.maximum !== undefined ? reject : survive)('number beyond 2^53', 9_007_199_254_740_993),
      );
      if (schema.type === 'integer') mutations.push(reject('fraction for an integer', 1.5));
      if (schema.maximum !== undefined) mutations.push(reject('maximum + 1', schema.maximum + 1));
      if (schema.minimum !== undefined) mutations.push(reject('minimum - 1', schema.minimum - 1));
      break;
    case 'boolean':
      mutations.push(reject('text for a boolean', 'true'), reject('number for a boolean', 1), reject('object for a boolean', {}));
      break;
    case 'array':
      mutations.push(
        reject('text for an array', 'x'),
        reject('object for an array', { 0: 'x' }),
        reject('array of wrong-typed elements', [{ $ne: null }]),
        (schema.maxItems !== undefined ? reject : survive)('array of 10,000 elements', Array.from({ length: 10_000 }, () => sampleValue(schema.items ?? {}, name))),
      );
      if (schema.items?.type === 'string' || schema.items?.enum) {
        mutations.push((constrained(schema.items, name) ? reject : survive)('SQL injection as an element', [SQL_INJECTIONS[0]]));
      }
      break;
    case 'object':
      // Without properties the document does not know the type (Nest writes `number | null` as object): no guess.
      if (schema.properties) mutations.push(reject('text for an object', 'x'), reject('array for an object', []), reject('number for an object', 1));
      break;
    default: {
      const restricted = constrained(schema, name);
      mutations.push(
        reject('number for a text', 12345),
        reject('boolean for a text', true),
        reject('object for a text', { $ne: null }),
        reject('array for a text', ['x']),
        ...SQL_INJECTIONS.map((value) => (restricted ? reject : survive)('SQL injection', value)),
        ...HTML_INJECTIONS.map((value) => (restricted ? reject : survive)('HTML injection', value)),
        survive('NUL and control characters', 'a\u0000b\u0007c'),
        { label: 'a lone surrogate', expect: 'survive', value: 'a\ud800b', unstorable: true },
        (restricted || (schema.minLength ?? 0) > 0 ? reject : survive)('empty text', ''),
        schema.maxLength !== undefined
          ? reject(`text of maxLength + 1 (${schema.maxLength + 1})`, 'x'.repeat(schema.maxLength + 1))
          : survive('text of 50,000 characters (no maxLength)', 'x'.repeat(50_000)),
      );
      if (isDateField(schema, name)) mutations.push(...HOSTILE_DATES.map((date) => reject(`hostile date ${date}`, date)));
      if (isTimeField(name)) mutations.push(...HOSTILE_TIMES.map((time) => reject(`hostile time ${time}`, time)));
      if (schema.format === 'uuid' || (/Id$/.test(name) && schema.pattern)) mutations.push(reject('malformed id', 'Geen geldig id!'));
      if (schema.enum?.length) mutations.push(reject('value outside the enum', 'geen-bestaande-waarde'), reject('enum value in capitals', String(schema.enum[0]).toUpperCase() + 'X'));
    }
  }
  return mutations;
}

function setAt(target: unknown, path: (string | number)[], value: unknown, remove: boolean): unknown {
  const copy = structuredClone(target) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof path[path.indexOf(key) + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** The URL of an operation for path parameters and a query. */
export function urlOf(operation: ApiOperation, pathParams: Record<string, string>, query: Record<string, string | string[]> = {}): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(pathParams[name] ?? 'x'));
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) for (const one of [value].flat()) search.append(name, one);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Path parameters, required query parameters and a body that are valid as far as the schema can tell. */
export function baselineOf(operation: ApiOperation, known: { pathParams: Record<string, string>; body?: unknown }): RequestBaseline {
  const sample = (parameter: OperationParameter) => String(known.pathParams[parameter.name] ?? sampleValue(parameter.schema, parameter.name));
  const pathParams = Object.fromEntries(operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, sample(p)]));
  const query = Object.fromEntries(operation.parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, sample(p)]));
  const body = operation.body ? (known.body ?? sampleValue({ type: 'object', ...operation.body.schema })) : undefined;
  return { pathParams, query, headers: {}, body };
}

/** Every hostile request for one operation: per path, query and header parameter, per body field, and whole-body attacks. */
export function hostileCasesOf(operation: ApiOperation, baseline: RequestBaseline): HostileCase[] {
  const cases: HostileCase[] = [];
  const make = (label: string, expect: Expectation, parts: Partial<RequestBaseline> & { rawBody?: HostileCase['body'] }, echo?: HostileCase['echo']): void => {
    const body = parts.rawBody ?? (operation.body ? { json: 'body' in parts ? parts.body : baseline.body } : undefined);
    cases.push({
      operation: operation.key,
      label,
      expect,
      method: operation.method,
      url: urlOf(operation, parts.pathParams ?? baseline.pathParams, parts.query ?? baseline.query),
      headers: { ...baseline.headers, ...parts.headers },
      body,
      echo,
    });
  };

  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') {
      for (const value of [...HOSTILE_IDS, randomUUID()]) {
        make(`path ${parameter.name}: ${describe(value)}`, 'reject', { pathParams: { ...baseline.pathParams, [parameter.name]: value } });
      }
    } else if (parameter.in === 'query') {
      for (const mutation of queryMutationsOf(parameter)) {
        make(`query ${parameter.name}: ${mutation.label}`, mutation.expect, { query: { ...baseline.query, [parameter.name]: mutation.value as string | string[] } });
      }
    } else if (parameter.in === 'header') {
      for (const [label, value] of [['3,000 characters', 'x'.repeat(3000)], ['SQL injection', SQL_INJECTIONS[0]], ['non-ASCII', 'sleutel-ä']]) {
        make(`header ${parameter.name}: ${label}`, 'survive', { headers: { [parameter.name]: value } });
      }
    }
  }
  make('unknown query parameter', 'survive', { query: { ...baseline.query, napl_onbekend: '1' } });

  if (operation.body) {
    const schema = operation.body.schema;
    for (const field of fieldsOf({ type: 'object', ...schema }, baseline.body)) {
      for (const mutation of mutationsOf(field)) {
        const body = setAt(baseline.body, field.path, mutation.value, mutation.remove ?? false);
        const echo = field.path.length === 1 && mutation.expect === 'survive' && !mutation.remove && !mutation.unstorable ? { field: field.name, value: mutation.value } : undefined;
        make(`body ${field.path.join('.')}: ${mutation.label}`, mutation.expect, { body }, echo);
      }
    }
    const anyRequired = (schema.required?.length ?? 0) > 0;
    const needsBody = anyRequired ? 'reject' : 'survive';
    const firstField = Object.keys(schema.properties ?? {})[0] ?? 'data';
    const deep = `{"${firstField}":${'['.repeat(NESTING_DEPTH)}${']'.repeat(NESTING_DEPTH)}}`;
    const deepObject = `${'{"a":'.repeat(NESTING_DEPTH)}1${'}'.repeat(NESTING_DEPTH)}`;
    make(`JSON nested ${NESTING_DEPTH.toLocaleString('en')} levels in an array`, 'reject', { rawBody: { raw: deep, contentType: 'application/json' } });
    make(`JSON nested ${NESTING_DEPTH.toLocaleString('en')} levels in objects`, 'reject', { rawBody: { raw: deepObject, contentType: 'application/json' } });
    make('oversized body (2 MB)', 'reject', { rawBody: { raw: JSON.stringify({ [firstField]: 'x'.repeat(OVERSIZED_CHARACTERS) }), contentType: 'application/json' } });
    make('malformed JSON', 'reject', { rawBody: { raw: '{"title": "x",', contentType: 'application/json' } });
    make('JSON null as body', needsBody, { rawBody: { raw: 'null', contentType: 'application/json' } });
    make('JSON array as body', 'reject', { rawBody: { raw: JSON.stringify([baseline.body]), contentType: 'application/json' } });
    make('JSON text as body', 'reject', { rawBody: { raw: '"x"', contentType: 'application/json' } });
    make('empty body', needsBody, { rawBody: { raw: '', contentType: 'application/json' } });
    make('wrong content type text/plain', needsBody, { rawBody: { raw: JSON.stringify(baseline.body), contentType: 'text/plain' } });
    make('wrong content type application/xml', needsBody, { rawBody: { raw: '<offer><title>x</title></offer>', contentType: 'application/xml' } });
    make('unknown field', 'reject', { body: { ...(baseline.body as object), naplOnbekendVeld: 1 } });
    make('__proto__ pollution', 'reject', { rawBody: { raw: `${JSON.stringify(baseline.body).slice(0, -1)},"__proto__":{"isAdmin":true}}`, contentType: 'application/json' } });
    make('constructor.prototype pollution', 'reject', { body: { ...(baseline.body as object), constructor: { prototype: { isAdmin: true } } } });
  }
  return cases;
}

function queryMutationsOf(parameter: OperationParameter): Mutation[] {
  const { schema, name } = parameter;
  const reject = (label: string, value: unknown): Mutation => ({ label, expect: 'reject', value });
  const survive = (label: string, value: unknown): Mutation => ({ label, expect: 'survive', value });
  if (schema.type === 'integer' || schema.type === 'number') {
    return [
      reject('text for a number', 'abc'),
      reject('1e309', '1e309'),
      (schema.maximum !== undefined ? reject : survive)('20 digits', '99999999999999999999'),
      (schema.minimum !== undefined ? reject : survive)('-1', '-1'),
      survive('repeated parameter', ['1', '2']),
    ];
  }
  if (schema.type === 'boolean') return [reject('text for a boolean', 'misschien')];
  const restricted = constrained(schema, name);
  return [
    ...(schema.enum?.length ? [reject('value outside the enum', 'geen-bestaande-waarde')] : []),
    ...(isDateField(schema, name) ? HOSTILE_DATES.map((date) => reject(`hostile date ${date}`, date)) : []),
    (restricted ? reject : survive)('SQL injection', SQL_INJECTIONS[0]),
    (restricted ? reject : survive)('HTML injection', HTML_INJECTIONS[0]),
    (restricted || schema.maxLength !== undefined ? reject : survive)('5,000 characters', 'x'.repeat(5000)),
    survive('repeated parameter', ['a', 'b']),
  ];
}

function describe(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 20)}… (${value.length} characters)` : value;
  return JSON.stringify(shown);
}
