import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AuthenticateApiToken } from '../api-tokens/application/authenticate-api-token';
import type { GatewayConfig } from '../gateway.config';
import { RATE_LIMIT_SETTINGS, RateLimiter } from '../rate-limits/application/rate-limiter';
import type { RateLimitSettings } from '../rate-limits/domain/rate-limit-policy';
import { SERVICE_DIRECTORY, type ServiceDirectory } from '../routing/application/service-directory';
import { SessionStore } from '../sign-in/application/session-store';
import { AuthenticateCaller } from './application/authenticate-caller';
import { GATEWAY_SETTINGS, sessionCookieName, type GatewaySettings } from './application/gateway-settings';
import { CorsMiddleware } from './http/cors.middleware';
import { GatewayAccessGuard } from './http/gateway-access.guard';

/**
 * Who is calling, for every route of the gateway: the settings, the credential checks (sessions, API tokens, the
 * issuer's tokens), the rate limiter and the guard that applies them. Global, as every feature's controllers use it.
 */
@Global()
@Module({})
export class CallersModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const settings: GatewaySettings = {
      publicUrl: config.GATEWAY_PUBLIC_URL,
      secureCookies: config.SESSION_COOKIE_SECURE,
      sessionCookie: sessionCookieName(config.SESSION_COOKIE_SECURE),
      sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
      corsOrigins: config.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter((origin) => origin.length > 0),
      rateLimits: config.RATE_LIMITS === 'on',
      trustedProxyHops: config.TRUSTED_PROXY_HOPS,
    };
    const rateLimits: RateLimitSettings = {
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
      limits: {
        read: config.RATE_LIMIT_READ,
        write: config.RATE_LIMIT_WRITE,
        enrolment: config.RATE_LIMIT_ENROLMENT,
        'sign-in': config.RATE_LIMIT_SIGN_IN,
        anonymous: config.RATE_LIMIT_ANONYMOUS,
      },
    };
    const directory: ServiceDirectory = {
      urls: {
        catalogue: config.CATALOGUE_URL,
        quality: config.QUALITY_URL,
        paths: config.PATHS_URL,
        enrolments: config.ENROLMENTS_URL,
        reimbursement: config.REIMBURSEMENT_URL,
        monitoring: config.MONITORING_URL,
      },
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    };
    const shared = [AuthenticateApiToken, SessionStore, RateLimiter, AuthenticateCaller, GatewayAccessGuard, CorsMiddleware];
    return {
      module: CallersModule,
      providers: [
        { provide: GATEWAY_SETTINGS, useValue: settings },
        { provide: RATE_LIMIT_SETTINGS, useValue: rateLimits },
        { provide: SERVICE_DIRECTORY, useValue: directory },
        ...shared,
      ],
      exports: [GATEWAY_SETTINGS, RATE_LIMIT_SETTINGS, SERVICE_DIRECTORY, ...shared],
    };
  }
}
