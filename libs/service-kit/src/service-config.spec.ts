import { IsString } from 'class-validator';
import { audienceOf, ConfigError, loadConfig, ServiceConfig } from './service-config';

class ExampleConfig extends ServiceConfig {
  override PORT = 3999;

  @IsString()
  EXAMPLE_SETTING = 'default';
}

/** The Kafka credentials production requires. */
const KAFKA_LOGIN = { KAFKA_SASL_USERNAME: 'napl-example', KAFKA_SASL_PASSWORD: 'secret' };

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
    const production = loadConfig(ExampleConfig, { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://login.example/certs', ...KAFKA_LOGIN });
    expect(production).toMatchObject({ DATABASE_BOOTSTRAP: false, DATABASE_MIGRATE_ON_START: false });
  });

  it('lets the environment override the defaults that follow NODE_ENV, either way', () => {
    const production = loadConfig(ExampleConfig, {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://login.example/certs',
      ...KAFKA_LOGIN,
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

  it('refuses a JWKS URL over plain http in production, where anyone on the path could swap the keys', () => {
    expect(() => loadConfig(ExampleConfig, { NODE_ENV: 'production', AUTH_JWKS_URL: 'http://login.example/certs' })).toThrow(
      /AUTH_JWKS_URL: must be an https:\/\/ URL in production/,
    );
    expect(loadConfig(ExampleConfig, { NODE_ENV: 'development', AUTH_JWKS_URL: 'http://127.0.0.1:8080/certs' }).AUTH_JWKS_URL).toBe('http://127.0.0.1:8080/certs');
  });

  it('serves the API documents by default only outside production, and lets the setting decide', () => {
    // What production requires besides (token issuer, Kafka credentials).
    const production = { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://login.example/certs', KAFKA_SASL_USERNAME: 'napl-example', KAFKA_SASL_PASSWORD: 'secret' };
    expect(loadConfig(ExampleConfig, {}).API_DOCS).toBe('public');
    expect(loadConfig(ExampleConfig, { NODE_ENV: 'test' }).API_DOCS).toBe('public');
    expect(loadConfig(ExampleConfig, production).API_DOCS).toBe('off');
    expect(loadConfig(ExampleConfig, { ...production, API_DOCS: 'public' }).API_DOCS).toBe('public');
    expect(() => loadConfig(ExampleConfig, { API_DOCS: 'yes' })).toThrow(/API_DOCS/);
  });

  it('gives each service its own token audience unless AUTH_AUDIENCE says otherwise', () => {
    expect(audienceOf(loadConfig(ExampleConfig, {}), 'catalogue')).toBe('napl-catalogue');
    expect(audienceOf(loadConfig(ExampleConfig, { AUTH_AUDIENCE: 'api://catalogue' }), 'catalogue')).toBe('api://catalogue');
  });

  it('logs in to Kafka only when given a principal, and requires one in production', () => {
    expect(loadConfig(ExampleConfig, {}).kafkaSecurity).toEqual({ sasl: undefined, ssl: undefined });
    const login = loadConfig(ExampleConfig, { ...KAFKA_LOGIN, KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256', KAFKA_SSL: 'true' });
    expect(login.kafkaSecurity).toEqual({ sasl: { mechanism: 'scram-sha-256', username: 'napl-example', password: 'secret' }, ssl: true });
    expect(() => loadConfig(ExampleConfig, { KAFKA_SASL_USERNAME: 'napl-example' })).toThrow(/KAFKA_SASL_PASSWORD: required with KAFKA_SASL_USERNAME/);
    expect(() => loadConfig(ExampleConfig, { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://login.example/certs' })).toThrow(
      /KAFKA_SASL_USERNAME: required in production/,
    );
    expect(() => loadConfig(ExampleConfig, { KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(/KAFKA_SASL_MECHANISM/);
    expect(() => loadConfig(ExampleConfig, { KAFKA_SSL_CA_FILE: '/nonexistent/ca.pem' }).kafkaSecurity).toThrow(/KAFKA_SSL_CA_FILE: cannot read/);
  });

  it('limits request bodies by default, within bounds', () => {
    expect(loadConfig(ExampleConfig, {})).toMatchObject({ HTTP_BODY_LIMIT_BYTES: 102_400, HTTP_BODY_MAX_DEPTH: 32 });
    expect(() => loadConfig(ExampleConfig, { HTTP_BODY_MAX_DEPTH: '10000' })).toThrow(/HTTP_BODY_MAX_DEPTH/);
  });
});
