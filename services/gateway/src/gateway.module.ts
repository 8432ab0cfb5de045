import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import type { TokenVerifierOptions } from '@napl/auth';
import { PlatformModule } from '@napl/service-kit';
import { ApiDocsModule } from './api-docs/api-docs.module';
import { ApiTokensModule } from './api-tokens/api-tokens.module';
import { AuditModule } from './audit/audit.module';
import { AuditMiddleware } from './audit/http/audit.middleware';
import { CallersModule } from './callers/callers.module';
import { CorsMiddleware } from './callers/http/cors.middleware';
import { ENTITIES, MIGRATIONS } from './database/schema';
import type { GatewayConfig } from './gateway.config';
import { GATEWAY_SERVICE } from './gateway.description';
import { PortalModule } from './portal/portal.module';
import { RoutingModule } from './routing/routing.module';
import { SignInModule } from './sign-in/sign-in.module';

@Module({})
export class GatewayModule implements NestModule {
  static forRoot(config: GatewayConfig, auth?: TokenVerifierOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forService({
          service: GATEWAY_SERVICE.service,
          config,
          auth,
          entities: ENTITIES,
          migrations: MIGRATIONS,
        }),
        CallersModule.forRoot(config),
        SignInModule.forRoot(config),
        ApiTokensModule,
        AuditModule,
        ApiDocsModule.forRoot(config),
        PortalModule,
        // Last: its catch-all route under /api must not shadow another module's.
        RoutingModule.forRoot(config),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorsMiddleware, AuditMiddleware).forRoutes('{*splat}');
  }
}
