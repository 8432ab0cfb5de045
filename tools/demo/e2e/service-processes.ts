import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, testKafkaEnv } from '@napl/testing';

const ROOT = join(__dirname, '..', '..', '..');

/** A service started as its own Node process, the way the start command runs it. */
export interface ServiceProcess {
  readonly service: string;
  readonly url: string;
  readonly pid: number;
  readonly output: string[];
  /** CPU time the process has used so far (user + system, in ms), from /proc: what benchmarks charge per request. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** The settings of an end-to-end test's services: its database, its topics, its token keys, and any extra. */
export function testServiceEnv(options: { databaseUrl: string; topicPrefix: string; keysDir: string; kafkaBrokers: readonly string[] }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: options.databaseUrl,
    KAFKA_BROKERS: options.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    // As the tests' admin: the services' own principals may use only the unprefixed topics.
    ...testKafkaEnv(),
    AUTH_DEV_KEYS_DIR: options.keysDir,
    ...extra,
  };
}

/**
 * Starts the compiled service (services/<service>/dist/main.js, as the start command and the container image run
 * it; the build target makes it) with `env`, and waits until its health check answers. `nodeArgs` go to node before
 * the script (a benchmark's profiler, say).
 */
export async function startServiceProcess(service: string, env: Record<string, string>, timeoutMs = 90_000, nodeArgs: readonly string[] = []): Promise<ServiceProcess> {
  const main = join(ROOT, 'services', service, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${service} is not built: run \`npx nx run ${service}:build\` (the test command builds first)`);
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, main],
    { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const running: ServiceProcess = {
    service,
    url,
    pid: child.pid!,
    output,
    cpuMs: () => processCpuMs(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${service} exited during start-up:\n${output.join('')}`);
    const healthy = await fetch(`${url}/health`).then((response) => response.ok, () => false);
    if (healthy) return running;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await running.stop();
  throw new Error(`${service} did not answer /health within ${timeoutMs} ms:\n${output.join('')}`);
}

/** utime + stime of a process (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms on Linux). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
