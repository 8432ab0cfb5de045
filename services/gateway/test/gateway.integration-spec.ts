import { describePlatformConformance } from '@napl/testing';
import { GatewayConfig } from '../src/gateway.config';
import { GATEWAY_SERVICE } from '../src/gateway.description';
import { GatewayModule } from '../src/gateway.module';

describePlatformConformance({
  description: GATEWAY_SERVICE,
  configClass: GatewayConfig,
  module: (config, auth) => GatewayModule.forRoot(config, auth),
  env: {
    // In-process under jest: no development issuer (oidc-provider is an ES module jest cannot load; the sign-in
    // tests run the compiled gateway as a process). The URL is never asked: the suite does not sign in.
    OIDC_ISSUER_URL: 'http://127.0.0.1:9',
    OIDC_CLIENT_SECRET: 'conformance-suite-client-secret',
    // The suite sends hundreds of requests per role from one address; the limits are tested in gateway-edge.
    RATE_LIMITS: 'off',
  },
  tenantFixture: async () => ({
    requestLogTables: {
      audit_entry: 'the audit log records every write through the gateway, refused ones too',
      rate_limit_window: 'rate limits count every request, refused ones too',
    },
  }),
});
