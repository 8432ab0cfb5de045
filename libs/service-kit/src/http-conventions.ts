import {
  BadRequestException,
  HttpException,
  HttpStatus,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
  type INestApplication,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { ServiceDescription } from './bootstrap';
import type { ServiceConfig } from './service-config';

/** Where the OpenAPI document and Swagger UI are served, when API_DOCS=public. */
export const API_DOCS_PATH = 'docs';

/** The limits on a request body (settings HTTP_BODY_LIMIT_BYTES and HTTP_BODY_MAX_DEPTH). */
export interface HttpLimits {
  /** Largest request body, in bytes; a larger one is answered 413 before it is read to the end. */
  readonly bodyLimitBytes: number;
  /** Deepest nesting of arrays and objects in a JSON body; a deeper one is answered 400 before it is parsed. */
  readonly bodyMaxDepth: number;
}

/**
 * The platform's HTTP conventions, applied by createServiceApp to every service, and so to the test harness too:
 * security headers, JSON bodies only (limited in size and depth, checked before parsing and validation), no-store,
 * and the API documents where the configuration allows them. The app must be created with `bodyParser: false`.
 */
export function applyHttpConventions(app: NestExpressApplication, config: ServiceConfig, description: ServiceDescription): void {
  app.disable('x-powered-by');
  const isPage = description.isPagePath ?? (() => false);
  app.use(securityHeaders(isPage));
  // Answers carry personal data or change with every write: no shared or browser cache may keep them.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!isDocsPath(request.path)) response.setHeader('Cache-Control', 'no-store');
    next();
  });
  useJsonBodies(app, { bodyLimitBytes: config.HTTP_BODY_LIMIT_BYTES, bodyMaxDepth: config.HTTP_BODY_MAX_DEPTH }, isPage);
  if (config.API_DOCS === 'public') {
    SwaggerModule.setup(API_DOCS_PATH, app, () => openApiDocument(app, description), { jsonDocumentUrl: `${API_DOCS_PATH}/openapi.json` });
  }
}

/**
 * The service's OpenAPI document, built from its controllers. With API_DOCS=off (production) it is not served, but
 * tests (the hostile-input suite) build it in-process from the app.
 */
export function openApiDocument(app: INestApplication, description: ServiceDescription): OpenAPIObject {
  const builder = new DocumentBuilder().setTitle(description.title).setDescription(description.description).setVersion('1').addBearerAuth();
  return SwaggerModule.createDocument(app, builder.build());
}

function isDocsPath(path: string): boolean {
  return path === `/${API_DOCS_PATH}` || path.startsWith(`/${API_DOCS_PATH}/`) || path.startsWith(`/${API_DOCS_PATH}-`);
}

/**
 * helmet's defaults (HSTS, nosniff, frame and referrer policy, cross-origin policies, no X-Powered-By). The API
 * answers JSON only, so its content security policy allows nothing at all; Swagger UI (its own script, style and
 * images from the same origin) keeps helmet's default policy.
 */
function securityHeaders(isPage: (path: string) => boolean): (request: Request, response: Response, next: NextFunction) => void {
  const api = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    frameguard: { action: 'deny' },
  });
  const docs = helmet();
  // Pages: the portal's own style sheet, script and images only (charts are inline SVG, no inline script or style
  // attribute is needed), forms post only to the portal itself, and no page is framed.
  const pages = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    // Not no-referrer: with it, browsers send `Origin: null` on a form post, and the gateway's CSRF check compares the
    // origin. Same-origin keeps paths from leaking to other sites all the same.
    referrerPolicy: { policy: 'same-origin' },
  });
  return (request, response, next) => (isDocsPath(request.path) ? docs : isPage(request.path) ? pages : api)(request, response, next);
}

const JSON_MEDIA_TYPE = /^application\/(json|[\w.-]+\+json)$/;

/**
 * JSON bodies only, read with a size limit and checked for depth before they are parsed: a body nested thousands
 * of levels deep is tiny, but the validation pipe walks it recursively until the stack runs out. Every refusal is
 * a Dutch problem response: 415 for another media type or charset, 413 for too large, 400 for too deep, not JSON,
 * a member named __proto__, constructor or prototype, or a string with a lone surrogate.
 * (Nest's own parsers, JSON and URL-encoded forms, are off: the app is created with `bodyParser: false`.)
 */
export function useJsonBodies(app: NestExpressApplication, limits: HttpLimits, isPage: (path: string) => boolean = () => false): void {
  const isForm = (request: Request): boolean => isPage(request.path) && isFormPost(request.headers['content-type']);
  app.use((request: Request, _response: Response, next: NextFunction) =>
    next(hasBody(request) && !isForm(request) ? mediaTypeRefusal(request.headers['content-type']) : undefined),
  );
  // A page's HTML form: flat fields only (a repeated name gives an array), within the same size limit.
  app.useBodyParser('urlencoded', { limit: limits.bodyLimitBytes, extended: false, parameterLimit: 200, type: (request: Request) => isForm(request) });
  app.useBodyParser('json', {
    limit: limits.bodyLimitBytes,
    // Anything else with a body got here as JSON; one without a body is passed over by the parser.
    type: (request: Request) => !isForm(request),
    verify: (_request: Request, _response: Response, body: Buffer) => {
      if (jsonDepthExceeds(body, limits.bodyMaxDepth)) throw new BodyRefusal('entity.too.deep');
    },
    reviver: refuseHostileMembers,
  });
  // Runs before Nest's own error handler, which would pass body-parser's English messages on.
  app.use((error: unknown, _request: Request, _response: Response, next: NextFunction) => next(bodyError(error, limits)));
}

function isFormPost(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** A request has a body when it says how long it is (and that is not 0), or sends it in chunks. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function mediaTypeRefusal(contentType: string | undefined): HttpException | undefined {
  const [mediaType, ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    return new UnsupportedMediaTypeException({ message: 'De inhoud van het verzoek moet JSON zijn (Content-Type: application/json).', code: 'UNSUPPORTED_MEDIA_TYPE' });
  }
  // The depth check reads the body as UTF-8 bytes, and JSON between systems is UTF-8 (RFC 8259).
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return new UnsupportedMediaTypeException({ message: 'De inhoud van het verzoek moet in UTF-8 zijn.', code: 'UNSUPPORTED_MEDIA_TYPE' });
  }
  return undefined;
}

/** A body the platform refuses while reading it; body-parser passes its `type` on to bodyError. */
class BodyRefusal extends Error {
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(readonly type: 'entity.too.deep' | 'entity.forbidden.key' | 'entity.ill.formed.text') {
    super(type);
  }
}

// Names that reach an object's prototype. class-transformer drops them silently, so the request would pass as if
// they were not there; refused outright, no code behind the parser ever meets them.
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// With the u flag a surrogate pair is one code point; what still matches is a lone surrogate (JSON's "\ud800"), which
// is not text: validator's isEmail throws on it (a 500), and it cannot be stored or sent on as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** JSON.parse's reviver: sees every member's key and value once, bottom-up. */
function refuseHostileMembers(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new BodyRefusal('entity.forbidden.key');
  if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value))) throw new BodyRefusal('entity.ill.formed.text');
  return value;
}

/** body-parser's errors (a `type` names each) as Dutch HTTP exceptions; anything else unchanged. */
function bodyError(error: unknown, limits: HttpLimits): unknown {
  const { type, message } = error as { type?: unknown; message?: unknown };
  // body-parser turns what the reviver throws into a parse failure, keeping only the message: the refusal's type.
  switch (type === 'entity.parse.failed' && typeof message === 'string' && message.startsWith('entity.') ? message : type) {
    case 'entity.too.large':
      return new PayloadTooLargeException({ message: `Het verzoek is te groot: ten hoogste ${Math.floor(limits.bodyLimitBytes / 1024)} kB.`, code: 'PAYLOAD_TOO_LARGE' });
    case 'entity.too.deep':
      return new BadRequestException({ message: `De inhoud van het verzoek is te diep genest: ten hoogste ${limits.bodyMaxDepth} niveaus.`, code: 'BODY_TOO_DEEP' });
    case 'entity.forbidden.key':
      return new BadRequestException({ message: 'De inhoud van het verzoek bevat een niet toegestane veldnaam (__proto__, constructor of prototype).', code: 'FORBIDDEN_FIELD_NAME' });
    case 'entity.ill.formed.text':
      return new BadRequestException({ message: 'De inhoud van het verzoek bevat ongeldige tekens (een los UTF-16-surrogaat).', code: 'INVALID_TEXT' });
    case 'entity.parse.failed':
      return new BadRequestException({ message: 'De inhoud van het verzoek is geen geldige JSON.', code: 'INVALID_JSON' });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeException({ message: 'De codering van het verzoek wordt niet ondersteund.', code: 'UNSUPPORTED_MEDIA_TYPE' });
    default:
      if (error instanceof HttpException || type === undefined) return error;
      // Aborted, or shorter or longer than its Content-Length said.
      return new BadRequestException({ message: 'Het verzoek kon niet worden gelezen.', code: 'BAD_REQUEST' });
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const [OPEN_ARRAY, OPEN_OBJECT, CLOSE_ARRAY, CLOSE_OBJECT] = [0x5b, 0x7b, 0x5d, 0x7d];

/**
 * Whether arrays and objects in the JSON text `body` (UTF-8) nest deeper than `maxDepth`, counted on the bytes
 * without parsing; brackets inside strings do not count. (No UTF-8 sequence of a multi-byte character contains
 * these ASCII bytes.) Malformed JSON is left to the parser.
 */
export function jsonDepthExceeds(body: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}
