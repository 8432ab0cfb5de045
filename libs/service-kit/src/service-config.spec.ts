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

  it('creates database objects and migrates at start-up by default only outside production', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(loadConfig(ExampleConfig, { NODE_ENV })).toMatchObject({ DATABASE_BOOTSTRAP: true, DATABASE_MIGRATE_ON_START: true });
    }
    const production = loadConfig(ExampleConfig, { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://login.example/certs' });
    expect(production).toMatchObject({ DATABASE_BOOTSTRAP: false, DATABASE_MIGRATE_ON_START: false });
  });

  it('lets the environment override the defaults that follow NODE_ENV, either way', () => {
    const production = loadConfig(ExampleConfig, {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://login.example/certs',
      DATABASE_BOOTSTRAP: 'true',
      DATABASE_MIGRATE_ON_START: 'true',
    });
    expect(production).toMatchObject({ DATABASE_BOOTSTRAP: true, DATABASE_MIGRATE_ON_START: true });
    const development = loadConfig(ExampleConfig, { DATABASE_MIGRATE_ON_START: 'false' });
    expect(development).toMatchObject({ DATABASE_BOOTSTRAP: true, DATABASE_MIGRATE_ON_START: false });
  });

  it('names every wrong setting in one error', () => {
    const load = () =>
      loadConfig(ExampleConfig, { PORT: 'eighty', DATABASE_URL: 'mysql://x', DATABASE_MIGRATE_ON_START: 'yes', KAFKA_BROKERS: 'no-port' });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      /PORT: .*\n.*DATABASE_URL: must be a postgres:\/\/ URL.*\n.*DATABASE_MIGRATE_ON_START: .*boolean.*\n.*KAFKA_BROKERS: must be a comma-separated list/,
    );
  });

  it('refuses the development token issuer in production', () => {
    expect(() => loadConfig(ExampleConfig, { NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL: required in production/);
  });
});
