import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_ACCOUNTS, DevIssuer, type Principal } from '@napl/auth';
import { deleteTopicsWithPrefix, dropTestDatabase, freePort, newTestDatabaseUrl, newTopicPrefix, testInfraFromEnv, testKafkaEnv } from '@napl/testing';

const ROOT = join(__dirname, '..', '..', '..', '..');
const MAIN = join(ROOT, 'services', 'gateway', 'dist', 'main.js');

/**
 * The compiled gateway (services/gateway/dist/main.js) as its own Node process, as the start command runs it.
 * Why a process, not the app in jest: sign-in uses openid-client and oidc-provider, ES modules only, which Node 24
 * loads with require() but jest 29's CommonJS runtime cannot (see src/sign-in/infrastructure/esm-packages.ts). The
 * integration-test target builds the gateway first (project.json).
 */
export interface GatewayProcess {
  readonly url: string;
  readonly databaseUrl: string;
  /** The development issuer's key pair the gateway signs and verifies with. */
  readonly keysDir: string;
  readonly output: string[];
  /** A Bearer token of the test's key pair (the platform's development issuer), for a demo account or any principal. */
  tokenFor(account: keyof typeof DEMO_ACCOUNTS | Principal): Promise<string>;
  /** A query on the gateway's schema. */
  query<T = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/** `databaseUrl`: a second replica, sharing another gateway's database (that one drops it). */
export async function startGateway(env: Record<string, string> = {}, shared: { databaseUrl?: string } = {}): Promise<GatewayProcess> {
  if (!existsSync(MAIN)) throw new Error('the gateway is not built: run `npx nx run gateway:build` (the integration-test target does)');
  const infra = testInfraFromEnv();
  const databaseUrl = shared.databaseUrl ?? newTestDatabaseUrl(infra, 'gateway');
  const topicPrefix = newTopicPrefix();
  const keysDir = mkdtempSync(join(tmpdir(), 'napl-gateway-keys-'));
  const issuer = await DevIssuer.fromDirectory(keysDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Every service is down unless the test says where it is: a port nothing listens on (never the start command's).
  const nowhere = `http://127.0.0.1:${await freePort()}`;
  const services = Object.fromEntries(['CATALOGUE', 'QUALITY', 'PATHS', 'ENROLMENTS', 'REIMBURSEMENT', 'MONITORING'].map((name) => [`${name}_URL`, nowhere]));
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      ...testKafkaEnv(),
      AUTH_DEV_KEYS_DIR: keysDir,
      PORT: String(port),
      GATEWAY_PUBLIC_URL: url,
      DEV_ISSUER_PORT: '0',
      ...services,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const database = new Client({ connectionString: databaseUrl });
  let connected = false;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    if (connected) await database.end();
    if (!shared.databaseUrl) await dropTestDatabase(databaseUrl);
    await deleteTopicsWithPrefix(topicPrefix);
    rmSync(keysDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited during start-up:\n${output.join('')}`);
    if (await fetch(`${url}/health`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the gateway did not answer /health within 60 s:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await database.connect();
  connected = true;
  await database.query('SET search_path TO gateway');
  return {
    url,
    databaseUrl,
    keysDir,
    output,
    tokenFor: (account) => issuer.issue(typeof account === 'string' ? DEMO_ACCOUNTS[account] : account),
    query: async <T>(sql: string, parameters: unknown[] = []) => (await database.query(sql, parameters)).rows as T[],
    stop,
  };
}

/** Another service of the platform, compiled, as its own process on `port` (so the gateway can be told where first). */
export interface ServiceProcess {
  readonly url: string;
  readonly output: string[];
  stop(): Promise<void>;
}

export async function startServiceProcess(service: string, port: number, env: Record<string, string>): Promise<ServiceProcess> {
  const main = join(ROOT, 'services', service, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${service} is not built: run \`npx nx run ${service}:build\``);
  const infra = testInfraFromEnv();
  const topicPrefix = newTopicPrefix();
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      ...testKafkaEnv(),
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    await deleteTopicsWithPrefix(topicPrefix);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${service} exited during start-up:\n${output.join('')}`);
    if (await fetch(`${url}/health`).then((response) => response.ok, () => false)) return { url, output, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${service} did not answer /health within 90 s:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
