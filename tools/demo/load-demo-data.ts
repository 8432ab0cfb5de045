/**
 * Loads the demo data into the running platform (the start command runs it). Each file in steps/ exports a
 * default async function(client) and runs in the order of its file name: 10-catalogue, 20-quality, ...
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DemoClient } from './demo-client';

type DemoStep = (client: DemoClient) => Promise<string>;

async function main(): Promise<void> {
  const client = await DemoClient.create();
  const stepsDir = join(__dirname, 'steps');
  const files = readdirSync(stepsDir).filter((file) => file.endsWith('.ts')).sort();
  for (const file of files) {
    const started = Date.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const step = require(join(stepsDir, file)).default as DemoStep;
    const summary = await step(client);
    console.log(`demo: ${file.replace(/\.ts$/, '')}: ${summary} (${Date.now() - started} ms)`);
  }
  if (files.length === 0) console.log('demo: no demo data steps yet');
}

main().catch((error: Error) => {
  console.error(`demo: loading failed: ${error.message}`);
  process.exit(1);
});
