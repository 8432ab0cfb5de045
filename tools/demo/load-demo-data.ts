/**
 * Loads the demo data into the running platform (the start command runs it). Each file in steps/ exports a
 * default async function(client) and runs in the order of its file name: 10-catalogue, 20-quality, ...
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DemoClient } from './demo-client';

type DemoStep = (client: DemoClient) => Promise<string>;

/** Runs every step; returns each step's summary by step name. */
export async function loadDemoData(client: DemoClient, log: (line: string) => void = () => undefined): Promise<Record<string, string>> {
  const stepsDir = join(__dirname, 'steps');
  const files = readdirSync(stepsDir).filter((file) => file.endsWith('.ts')).sort();
  const summaries: Record<string, string> = {};
  for (const file of files) {
    const started = Date.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const step = require(join(stepsDir, file)).default as DemoStep;
    const name = file.replace(/\.ts$/, '');
    summaries[name] = await step(client);
    log(`demo: ${name}: ${summaries[name]} (${Date.now() - started} ms)`);
  }
  return summaries;
}

if (require.main === module) {
  DemoClient.create()
    .then((client) => loadDemoData(client, console.log))
    .catch((error: Error) => {
      console.error(`demo: loading failed: ${error.message}`);
      process.exit(1);
    });
}
