/**
 * Manage desk accounts from the command line.
 *
 *   npm run user:create -- --email ada@example.com --role editor [--name "Ada"]
 *       prompts for the password, or reads it from standard input when piped:
 *       echo "$PASSWORD" | npm run user:create -- --email … --role admin
 *   npm run user:list
 *   npm run user:disable -- --email ada@example.com
 *   npm run user:enable -- --email ada@example.com
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatIssues } from '../lib/schemas/format-issues';
import { connection } from '../lib/db/client';
import { prepareDatabase } from '../lib/db/prepare-database';
import { resolveDatabaseUrl } from '../lib/db/database-url.mjs';
import { createUser, DuplicateEmailError } from '../lib/data/users/create-user';
import { listUsers } from '../lib/data/users/list-users';
import { setUserDisabled } from '../lib/data/users/set-user-disabled';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
});

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    return input.replace(/\r?\n$/, '');
  }
  const prompt = (question: string) =>
    new Promise<string>((resolve) => {
      const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Hide what is typed: echo nothing but the prompt.
      const write = (lines as unknown as { _writeToOutput: (text: string) => void })._writeToOutput;
      (lines as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
        if (text.startsWith(question)) write.call(lines, question);
      };
      lines.question(question, (answer) => {
        lines.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const password = await prompt('Password (12+ characters): ');
  if ((await prompt('Repeat password: ')) !== password) throw new Error('the passwords do not match');
  return password;
}

function fail(message: string): never {
  console.error(`user: ${message}`);
  process.exit(1);
}

prepareDatabase(resolveDatabaseUrl(), { quiet: true });
const { db } = connection();
try {
  switch (positionals[0]) {
    case 'create': {
      if (!values.email || !values.role) fail('usage: npm run user:create -- --email <email> --role admin|editor [--name <name>]');
      const password = await readPassword();
      const user = await createUser(db, { email: values.email, role: values.role.toUpperCase() as 'ADMIN', name: values.name, password });
      console.log(`created ${user.role.toLowerCase()} ${user.email}`);
      break;
    }
    case 'list':
      for (const user of await listUsers(db)) {
        console.log(
          `${user.email}\t${user.role.toLowerCase()}\t${user.disabledAt ? `disabled ${user.disabledAt.toISOString()}` : 'active'}`,
        );
      }
      break;
    case 'disable':
    case 'enable': {
      if (!values.email) fail(`usage: npm run user:${positionals[0]} -- --email <email>`);
      const user = await setUserDisabled(db, values.email, positionals[0] === 'disable');
      if (!user) fail(`no user with the email ${values.email}`);
      console.log(`${positionals[0] === 'disable' ? 'disabled' : 'enabled'} ${user.email}`);
      break;
    }
    default:
      fail('commands: create, list, disable, enable');
  }
} catch (error) {
  if (error instanceof z.ZodError) fail(formatIssues(error.issues).join('; '));
  if (error instanceof DuplicateEmailError) fail(error.message);
  fail((error as Error).message);
} finally {
  await db.$disconnect();
}
