import { IsString } from 'class-validator';
import { ConfigError, loadConfig, ServiceConfig } from './service-config';

class ExampleConfig extends ServiceConfig {
  override PORT = 3999;

  @IsString()
  EXAMPLE_SETTING = 'default';
}

describe('loadConfig', () => {
  it('uses the declared defaults when the environment is silent', () => {
    const config = loadConfig(ExampleConfig, {});

    expect(config.PORT).toBe(3999);
    expect(config.EXAMPLE_SETTING).toBe('default');
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:19092']);
  });

  it('reads and converts settings from the environment', () => {
    const config = loadConfig(ExampleConfig, { PORT: '4000', DATABASE_BOOTSTRAP: 'false', KAFKA_BROKERS: 'a:1,b:2' });

    expect(config.PORT).toBe(4000);
    expect(config.DATABASE_BOOTSTRAP).toBe(false);
    expect(config.kafkaBrokers).toEqual(['a:1', 'b:2']);
  });

  it('names every wrong setting in one error', () => {
    const load = () => loadConfig(ExampleConfig, { PORT: 'eighty', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'no-port' });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT: .*\n.*DATABASE_URL: must be a postgres:\/\/ URL.*\n.*KAFKA_BROKERS: must be a comma-separated list/);
  });

  it('refuses the development token issuer in production', () => {
    expect(() => loadConfig(ExampleConfig, { NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL: required in production/);
  });
});
