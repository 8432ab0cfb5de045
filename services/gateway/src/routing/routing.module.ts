import { Module, type DynamicModule } from '@nestjs/common';
import type { GatewayConfig } from '../gateway.config';
import { ForwardRequest } from './application/forward-request';
import { PlatformTokenSigner } from './infrastructure/platform-token-signer';
import { ProxyController } from './http/proxy.controller';

/** /api/<service>/... to the services, as the caller, with a platform token of the gateway. */
@Module({})
export class RoutingModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: RoutingModule,
      // Global: the portal's pages call the services the same way (ForwardRequest), with the same token cache.
      global: true,
      providers: [
        {
          provide: PlatformTokenSigner,
          useFactory: () =>
            PlatformTokenSigner.create({ issuer: config.PLATFORM_TOKEN_ISSUER, keyFile: config.PLATFORM_TOKEN_KEY_FILE, devKeysDir: config.AUTH_DEV_KEYS_DIR }),
        },
        ForwardRequest,
      ],
      controllers: [ProxyController],
      exports: [ForwardRequest],
    };
  }
}
