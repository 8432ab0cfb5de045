import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { DEV_ISSUER } from '@napl/auth';
import { ServiceConfig } from '@napl/service-kit';

const toInteger = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;
const serviceUrl = (): PropertyDecorator => IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] });

/**
 * The gateway's settings: where the services are, who signs users in (OpenID Connect), how the gateway signs the
 * platform tokens it hands the services, and its limits. Defaults fit `npm start` on a workstation.
 */
export class GatewayConfig extends ServiceConfig {
  override PORT = 3000;

  /** The gateway's public URL (the redirect URI of sign-in is under it); https in production. */
  @serviceUrl()
  GATEWAY_PUBLIC_URL: string = 'http://127.0.0.1:3000';

  // Where each service answers (tools/services.sh has the same ports). Only the gateway needs to reach them.
  @serviceUrl() CATALOGUE_URL: string = 'http://127.0.0.1:3101';
  @serviceUrl() QUALITY_URL: string = 'http://127.0.0.1:3102';
  @serviceUrl() PATHS_URL: string = 'http://127.0.0.1:3103';
  @serviceUrl() ENROLMENTS_URL: string = 'http://127.0.0.1:3104';
  @serviceUrl() REIMBURSEMENT_URL: string = 'http://127.0.0.1:3105';
  @serviceUrl() MONITORING_URL: string = 'http://127.0.0.1:3106';

  /** How long the gateway waits for a service's answer before it answers 504 itself. */
  @Transform(toInteger)
  @IsInt()
  @Min(100)
  @Max(120_000)
  UPSTREAM_TIMEOUT_MS: number = 15_000;

  /**
   * The OpenID Connect issuer users sign in with (discovery at <issuer>/.well-known/openid-configuration). Without it,
   * outside production, the gateway runs its development issuer (DEV_ISSUER_PORT) with the demo accounts.
   */
  @ValidateIf((config: GatewayConfig) => config.NODE_ENV === 'production' || config.OIDC_ISSUER_URL !== undefined)
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  OIDC_ISSUER_URL?: string = undefined;

  @IsString()
  @IsNotEmpty()
  OIDC_CLIENT_ID: string = 'napl-gateway';

  /** The gateway's client secret at the issuer; required in production. */
  @ValidateIf((config: GatewayConfig) => config.NODE_ENV === 'production' || config.OIDC_CLIENT_SECRET !== undefined)
  @IsString()
  @MinLength(16)
  OIDC_CLIENT_SECRET?: string = undefined;

  /**
   * The issuer (`iss`) of the platform tokens the gateway signs for the services; the services' AUTH_ISSUER. (The
   * gateway's own AUTH_ISSUER, AUTH_JWKS_URL and AUTH_AUDIENCE say which Bearer access tokens API clients may send:
   * in production the OpenID Connect issuer's, audience napl-gateway.)
   */
  @IsString()
  @IsNotEmpty()
  PLATFORM_TOKEN_ISSUER: string = DEV_ISSUER;

  /** Where the development issuer listens (only without OIDC_ISSUER_URL, never in production); 0: any free port. */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  DEV_ISSUER_PORT: number = 3099;

  /**
   * The key that signs the platform tokens the gateway hands the services (a PKCS#8 PEM file, RS256); the services
   * verify them with AUTH_ISSUER and its public key (AUTH_JWKS_URL). Without it (development) the development
   * issuer's key in AUTH_DEV_KEYS_DIR, which the services already trust.
   */
  @ValidateIf((config: GatewayConfig) => config.NODE_ENV === 'production' || config.PLATFORM_TOKEN_KEY_FILE !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'required in production: the PKCS#8 PEM key that signs the platform tokens' })
  PLATFORM_TOKEN_KEY_FILE?: string = undefined;

  /** How long a browser session lasts without use (minutes). */
  @Transform(toInteger)
  @IsInt()
  @Min(5)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES: number = 60;

  /** Secure cookies (https only). Off only for plain-http development where the browser is not on localhost. */
  @Transform(toBoolean)
  @IsBoolean()
  SESSION_COOKIE_SECURE: boolean = true;

  /**
   * How many proxies of our own stand before the gateway and append to X-Forwarded-For (the ingress: 1). The caller's
   * address (per-address rate limit, X-Forwarded-For to the services) is then the one the outermost of them saw.
   * 0: the connection's address, and X-Forwarded-For is not believed.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(5)
  TRUSTED_PROXY_HOPS: number = 0;

  /** Allowed browser origins for CORS, comma-separated; empty: none (CORS closed). */
  @IsString()
  CORS_ORIGINS: string = '';

  // Rate limits: requests per window, per signed-in caller (a session user or an API token) and route class, and per
  // address for requests without a valid credential.
  @Transform(toInteger) @IsInt() @Min(1) @Max(3600) RATE_LIMIT_WINDOW_SECONDS: number = 60;
  @Transform(toInteger) @IsInt() @Min(1) RATE_LIMIT_READ: number = 600;
  @Transform(toInteger) @IsInt() @Min(1) RATE_LIMIT_WRITE: number = 120;
  /** Enrolling: one teacher enrols a few times, a school leader a team; the burst is many callers, each under this. */
  @Transform(toInteger) @IsInt() @Min(1) RATE_LIMIT_ENROLMENT: number = 60;
  @Transform(toInteger) @IsInt() @Min(1) RATE_LIMIT_SIGN_IN: number = 30;
  /** Per address, for requests without a valid credential (guessing tokens, scraping the public routes). */
  @Transform(toInteger) @IsInt() @Min(1) RATE_LIMIT_ANONYMOUS: number = 120;

  @IsIn(['on', 'off'])
  RATE_LIMITS: 'on' | 'off' = 'on';
}
