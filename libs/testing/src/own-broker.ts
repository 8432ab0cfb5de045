import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const KAFKA_SCRIPT = join(__dirname, '..', '..', '..', 'tools', 'kafka', 'kafka.sh');

/**
 * A Kafka broker of the test's own, on other ports and with its own data, for tests that stop and restart
 * the broker without disturbing the shared one. Same jars and settings as the platform's broker.
 */
export class OwnBroker {
  constructor(
    readonly port: number,
    private readonly home: string,
  ) {}

  static create(port: number, label: string): OwnBroker {
    return new OwnBroker(port, join(__dirname, '..', '..', '..', '.local', `kafka-${label}`));
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
