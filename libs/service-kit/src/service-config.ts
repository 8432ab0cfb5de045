import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, validateSync } from 'class-validator';
import { IsNotEmpty, ValidateIf } from 'class-validator';
import { DEV_ISSUER, serviceAudience, type TokenVerifierOptions } from '@napl/auth';
import type { KafkaConnection, KafkaSaslMechanism } from '@napl/messaging';
import type { LogLevel } from '@napl/observability';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/**
 * The initial value of a setting whose default depends on NODE_ENV, which is not known yet when the defaults are
 * assigned: loadConfig replaces it, once NODE_ENV is read, with on in development and test and off in production.
 */
const SET_BY_NODE_ENV = undefined as unknown as boolean;
const ON_UNLESS_PRODUCTION = ['DATABASE_BOOTSTRAP', 'DATABASE_MIGRATE_ON_START'] as const;

/**
 * The settings every service reads from its environment, validated once at start-up. A service extends
 * it with its own settings and its own PORT default. Each property's initial value is its default (SET_BY_NODE_ENV:
 * see there).
 */
export class ServiceConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: string = 'development';

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** The address to listen on: loopback on a workstation, 0.0.0.0 in a container. */
  @IsString()
  HOST: string = '127.0.0.1';

  /** With DATABASE_BOOTSTRAP on, a URL that may create the database, roles and schemas. */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/napl';

  /**
   * Create the database, the service's role and its schema at start-up. Default: on in development and test; off in
   * production, where they are created once by the platform team and the service connects as its own role.
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  DATABASE_BOOTSTRAP: boolean = SET_BY_NODE_ENV;

  /**
   * Run pending migrations at start-up (under the schema's migration lock). Default: on in development and test; off
   * in production, where the service's migrate command runs them once per release (a Kubernetes Job) and a service
   * that finds migrations pending refuses to start.
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  DATABASE_MIGRATE_ON_START: boolean = SET_BY_NODE_ENV;

  @IsOptional()
  @IsString()
  DATABASE_ROLE_PASSWORD?: string = undefined;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_SIZE: number = 10;

  /** Comma-separated host:port list. */
  @Matches(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string = '127.0.0.1:19092';

  @Matches(/^[\w.-]*$/, { message: 'may hold only letters, digits, dot, dash and underscore' })
  KAFKA_TOPIC_PREFIX: string = '';

  /**
   * The service's own Kafka principal (SASL), which may write only the service's topics and read only what it
   * consumes (libs/messaging/src/kafka-access.ts). Required in production. Without it the service does not log in,
   * which only a broker without authentication accepts. The project's broker has one principal per service, named
   * like it, with its password in .local/kafka-credentials/<service> (tools/start.sh passes both).
   */
  @ValidateIf((config: ServiceConfig) => config.NODE_ENV === 'production' || config.KAFKA_SASL_USERNAME !== undefined)
  @IsNotEmpty({ message: 'required in production (the broker authenticates every service)' })
  KAFKA_SASL_USERNAME?: string = undefined;

  @ValidateIf((config: ServiceConfig) => config.KAFKA_SASL_USERNAME !== undefined)
  @IsNotEmpty({ message: 'required with KAFKA_SASL_USERNAME' })
  KAFKA_SASL_PASSWORD?: string = undefined;

  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsIn(['scram-sha-512', 'scram-sha-256', 'plain'])
  KAFKA_SASL_MECHANISM: KafkaSaslMechanism = 'scram-sha-512';

  /** TLS to the brokers (production): trusts the system's CAs, or only the CA in KAFKA_SSL_CA_FILE. */
  @Transform(toBoolean)
  @IsBoolean()
  KAFKA_SSL: boolean = false;

  /** A PEM file with the CA certificate(s) that signed the brokers' certificates; implies KAFKA_SSL. */
  @IsOptional()
  @IsString()
  KAFKA_SSL_CA_FILE?: string = undefined;

  @IsString()
  AUTH_ISSUER: string = DEV_ISSUER;

  /**
   * The audience (`aud`) this service's tokens must name. Default: `napl-<service>`, its own, so a token meant for
   * one service is not accepted by another (see serviceAudience in @napl/auth).
   */
  @IsOptional()
  @IsString()
  AUTH_AUDIENCE?: string = undefined;

  /** The OpenID Connect issuer's key set. Without it, the development issuer's keys are used (not in production). */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  AUTH_JWKS_URL?: string = undefined;

  @IsString()
  AUTH_DEV_KEYS_DIR: string = '.local/dev-issuer';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: LogLevel = 'info';

  /**
   * The OpenAPI document and Swagger UI at /docs: `public` serves them, `off` does not (they map every route and
   * field for an attacker). Default: public in development and test, off in production.
   */
  @IsOptional()
  @IsIn(['public', 'off'])
  API_DOCS: 'public' | 'off' = SET_BY_NODE_ENV as unknown as 'public' | 'off';

  /** The largest request body in bytes; larger ones are answered 413 without being read. */
  @Transform(toInteger)
  @IsInt()
  @Min(1_024)
  @Max(10 * 1024 * 1024)
  HTTP_BODY_LIMIT_BYTES: number = 100 * 1024;

  /** The deepest nesting of arrays and objects in a JSON body; deeper ones are answered 400 before parsing. */
  @Transform(toInteger)
  @IsInt()
  @Min(2)
  @Max(256)
  HTTP_BODY_MAX_DEPTH: number = 32;

  /** Tries of an outbox message Kafka refuses (too large, topic missing, not allowed) before it is parked. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(1_000)
  OUTBOX_MAX_ATTEMPTS: number = 10;

  /** Days a published outbox row is kept (for inspection) before the clean-up deletes it. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3_650)
  OUTBOX_RETENTION_DAYS: number = 7;

  /**
   * Days the inbox keeps the ids of applied events (and settled failure counts). Must exceed how long a consumed
   * topic can redeliver (its retention, or how long a group's offsets may be lost), or a late copy is applied again.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(3_650)
  INBOX_RETENTION_DAYS: number = 30;

  /** An OpenTelemetry collector (OTLP over HTTP) that receives the traces; without it no trace leaves the service. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string = undefined;

  /** How long spans wait in the batch before they are exported. */
  @Transform(toInteger)
  @IsInt()
  @Min(10)
  @Max(60_000)
  OTEL_BSP_SCHEDULE_DELAY: number = 5_000;

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',');
  }

  /** How the service's Kafka clients log in and encrypt, for its KafkaConnection. Reads the CA file. */
  get kafkaSecurity(): Pick<KafkaConnection, 'sasl' | 'ssl'> {
    const sasl = this.KAFKA_SASL_USERNAME
      ? { mechanism: this.KAFKA_SASL_MECHANISM, username: this.KAFKA_SASL_USERNAME, password: this.KAFKA_SASL_PASSWORD ?? '' }
      : undefined;
    if (!this.KAFKA_SSL_CA_FILE) return { sasl, ssl: this.KAFKA_SSL || undefined };
    try {
      return { sasl, ssl: { ca: [readFileSync(resolve(this.KAFKA_SSL_CA_FILE), 'utf8')] } };
    } catch (error) {
      throw new ConfigError(`KAFKA_SSL_CA_FILE: cannot read ${this.KAFKA_SSL_CA_FILE} (${(error as Error).message})`);
    }
  }
}

export class ConfigError extends Error {}

/**
 * Reads the settings declared on `configClass` from `env` and validates them; throws one error that names
 * every missing or wrong setting.
 */
export function loadConfig<T extends ServiceConfig>(
  configClass: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const declared = Object.keys(new configClass());
  const picked = Object.fromEntries(declared.filter((key) => env[key] !== undefined).map((key) => [key, env[key]]));
  const config = plainToInstance(configClass, picked, { exposeDefaultValues: true });
  const problems = validateSync(config, { forbidUnknownValues: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message} (got ${JSON.stringify(error.value)})`),
  );
  if (config.NODE_ENV === 'production' && !config.AUTH_JWKS_URL) {
    problems.push('AUTH_JWKS_URL: required in production (the development issuer is not allowed there)');
  }
  // Over plain http anyone on the path could hand the service their own keys, and so sign any token.
  if (config.NODE_ENV === 'production' && config.AUTH_JWKS_URL && !/^https:\/\//i.test(config.AUTH_JWKS_URL)) {
    problems.push(`AUTH_JWKS_URL: must be an https:// URL in production (got ${JSON.stringify(config.AUTH_JWKS_URL)})`);
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration of ${configClass.name}:\n  - ${problems.join('\n  - ')}`);
  }
  for (const key of ON_UNLESS_PRODUCTION) config[key] ??= config.NODE_ENV !== 'production';
  config.API_DOCS ??= config.NODE_ENV === 'production' ? 'off' : 'public';
  return config;
}

/** The audience the service's tokens must name: AUTH_AUDIENCE, or its own `napl-<service>`. */
export function audienceOf(config: ServiceConfig, service: string): string {
  return config.AUTH_AUDIENCE ?? serviceAudience(service);
}

/** The issuer, audience and keys the service verifies tokens with. */
export function tokenVerifierOptionsFrom(config: ServiceConfig, service: string): TokenVerifierOptions {
  const audience = audienceOf(config, service);
  if (config.AUTH_JWKS_URL) {
    return { issuer: config.AUTH_ISSUER, audience, jwks: new URL(config.AUTH_JWKS_URL) };
  }
  const jwksPath = resolve(config.AUTH_DEV_KEYS_DIR, 'jwks.json');
  let jwks;
  try {
    jwks = JSON.parse(readFileSync(jwksPath, 'utf8'));
  } catch {
    throw new ConfigError(`AUTH_DEV_KEYS_DIR: no development issuer keys at ${jwksPath}; run the start command first`);
  }
  return { issuer: config.AUTH_ISSUER, audience, jwks };
}
