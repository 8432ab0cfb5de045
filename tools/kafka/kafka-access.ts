/**
 * The broker's users and ACLs, from the platform's one definition (libs/messaging/src/kafka-access.ts), as the plan
 * tools/kafka/Provision.java applies. Used by tools/kafka/kafka.sh; see tools/kafka/README.md.
 *   kafka-access.ts plan <credentials folder>   makes a password for every service principal that has none yet
 *                                               (<folder>/<principal>, mode 600) and prints the plan:
 *                                                 user <name> <password>
 *                                                 acl <principal> <TOPIC|GROUP> LITERAL <resource> <operation>
 *   kafka-access.ts acls                        prints the ACLs as a table, for the README and reviews
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// The file itself, not the lib's barrel: kafka.sh runs this at every broker start, and the barrel loads Nest.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { allKafkaAcls, KAFKA_ADMIN_PRINCIPAL, KAFKA_SERVICES } from '../../libs/messaging/src/kafka-access';

function passwordOf(folder: string, principal: string): string {
  const file = join(folder, principal);
  try {
    // 'wx': when two brokers start at once (tests), the first one's password stays.
    if (!existsSync(file)) writeFileSync(file, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

function plan(folder: string): string[] {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const users = [KAFKA_ADMIN_PRINCIPAL, ...KAFKA_SERVICES].map((principal) => `user ${principal} ${passwordOf(folder, principal)}`);
  const acls = allKafkaAcls().map((acl) => `acl ${acl.principal} ${acl.resourceType} ${acl.patternType} ${acl.resourceName} ${acl.operation}`);
  return [...users, ...acls];
}

function table(): string[] {
  const rows = new Map<string, string[]>();
  for (const acl of allKafkaAcls()) {
    const key = `| ${acl.principal} | ${acl.resourceType.toLowerCase()} \`${acl.resourceName}\` |`;
    rows.set(key, [...(rows.get(key) ?? []), acl.operation]);
  }
  return ['| principal | resource | allowed |', '| --- | --- | --- |', ...[...rows].map(([key, operations]) => `${key} ${operations.join(', ')} |`)];
}

const [command, folder] = process.argv.slice(2);
if (command === 'plan' && folder) process.stdout.write(`${plan(folder).join('\n')}\n`);
else if (command === 'acls') process.stdout.write(`${table().join('\n')}\n`);
else {
  process.stderr.write('usage: kafka-access.ts plan <credentials folder> | acls\n');
  process.exit(2);
}
