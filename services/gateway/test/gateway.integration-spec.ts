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
    // The suite sends thousands of requests per role; the limits themselves are tested in gateway-edge.
    RATE_LIMIT_READ: '1000000',
    RATE_LIMIT_WRITE: '1000000',
    RATE_LIMIT_ANONYMOUS: '1000000',
    RATE_LIMIT_SIGN_IN: '1000000',
  },
});
