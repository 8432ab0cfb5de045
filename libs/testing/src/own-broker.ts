import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const KAFKA_SCRIPT = join(__dirname, '..', '..', '..', 'tools', 'kafka', 'kafka.sh');
const LOCAL = join(__dirname, '..', '..', '..', '.local');

/**
 * A Kafka broker of the test's own, on other ports and with its own data, for tests that stop and restart
 * the broker without disturbing the shared one. Same jars and settings as the platform's broker.
 */
export class OwnBroker {
  constructor(
    readonly port: number,
    private readonly home: string,
    /** The state folder is this broker's alone: `destroy` deletes all of it. */
    private readonly ownHome = false,
  ) {}

  static create(port: number, label: string): OwnBroker {
    return new OwnBroker(port, join(LOCAL, `kafka-${label}`));
  }

  /**
   * A broker on free ports (the client port and the next one, for its controller) with a state folder of this
   * process's own, so that two test runs side by side (several engineers on one machine) never share one.
   */
  static async onFreePorts(label: string): Promise<OwnBroker> {
    return new OwnBroker(await freePortPair(), join(LOCAL, `kafka-${label}-${process.pid}`), true);
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    await this.script('start');
  }

  async stop(): Promise<void> {
    await this.script('stop');
  }

  /** Stops it and deletes its data. */
  async destroy(): Promise<void> {
    await this.script('reset');
    if (this.ownHome) await rm(this.home, { recursive: true, force: true });
  }

  private async script(command: string): Promise<void> {
    await run('bash', [KAFKA_SCRIPT, command], {
      env: {
        ...process.env,
        NAPL_KAFKA_HOME: this.home,
        NAPL_KAFKA_PORT: String(this.port),
        NAPL_KAFKA_CONTROLLER_PORT: String(this.port + 1),
      },
    });
  }
}

/** A port, in a range the machine's own services do not use, that is free on 127.0.0.1 together with the next one. */
async function freePortPair(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const port = 20_000 + 2 * Math.floor(Math.random() * 5_000);
    if ((await isFree(port)) && (await isFree(port + 1))) return port;
  }
  throw new Error('No two free ports in a row between 20000 and 30000');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
