/**
 * Writes a token of the development issuer for every demo account to .local/dev-issuer/tokens/<account>.jwt
 * (creating the issuer's keys the first time), or prints the token of one account:
 *   npm run token -- docent-anne
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_ACCOUNTS, DevIssuer } from '@napl/auth';

const KEYS_DIR = resolve(__dirname, '..', '..', '.local', 'dev-issuer');

async function main(account?: string): Promise<void> {
  const issuer = await DevIssuer.fromDirectory(KEYS_DIR);
  if (account) {
    const principal = DEMO_ACCOUNTS[account];
    if (!principal) throw new Error(`Unknown demo account "${account}"; known: ${Object.keys(DEMO_ACCOUNTS).join(', ')}`);
    process.stdout.write(`${await issuer.issue(principal, '12h')}\n`);
    return;
  }
  const tokensDir = join(KEYS_DIR, 'tokens');
  mkdirSync(tokensDir, { recursive: true });
  for (const [name, principal] of Object.entries(DEMO_ACCOUNTS)) {
    writeFileSync(join(tokensDir, `${name}.jwt`), await issuer.issue(principal, '12h'), { mode: 0o600 });
  }
  console.log(`demo: tokens for ${Object.keys(DEMO_ACCOUNTS).length} demo accounts in ${tokensDir} (valid 12 h)`);
}

main(process.argv[2]).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
