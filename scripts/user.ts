/**
 * Manage desk accounts from the command line.
 *
 *   npm run user:create -- --email ada@example.com --role editor [--name "Ada"]
 *       prompts for the password, or reads the first line of standard input when piped:
 *       echo "$PASSWORD" | npm run user:create -- --email … --role admin
 *   npm run user:list
 *   npm run user:disable -- --email ada@example.com
 *   npm run user:enable -- --email ada@example.com
 *   npm run user:reset-password -- --email ada@example.com
 *       prints a temporary password, which must be changed at the next sign-in
 *       (for an administrator locked out of the desk); every session of theirs ends
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatIssues } from '../lib/schemas/format-issues';
import { connection } from '../lib/db/client';
import { prepareDatabaseIfNeeded } from '../lib/db/prepare-database';
import { resolveDatabaseUrl } from '../lib/db/database-url.mjs';
import { createUser, DuplicateEmailError } from '../lib/data/users/create-user';
import { listUsers } from '../lib/data/users/list-users';
import { setUserDisabled } from '../lib/data/users/set-user-disabled';
import { resetUserPassword } from '../lib/data/users/reset-user-password';
import { CliError, runCommand, UsageError } from '../lib/cli/describe-cli-error';
import { assertDatabaseReachable } from '../lib/db/assert-database-reachable';
import { ROLES, type TRole } from '../lib/auth/roles';
import { inTransaction } from '../lib/db/in-transaction';
import { recordAuditEvent } from '../lib/data/audit/record-audit-event';

const ROLE_CHOICES = ROLES.map((role) => role.toLowerCase()).join('|');

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
});

/**
 * Piped input: the first line only (`printf 'pw\npw\n' | …` gives "pw"; a
 * password never contains a line break), read no further than that line.
 */
async function firstLineOf(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0]!.replace(/\r$/, '');
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const password = await firstLineOf(process.stdin);
    if (password === '') throw new CliError('the password is empty: give it on the first line of standard input');
    return password;
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
  if (password === '') throw new CliError('the password is empty');
  if ((await prompt('Repeat password: ')) !== password) throw new CliError('the passwords do not match');
  return password;
}

await runCommand('user', async () => {
  const url = resolveDatabaseUrl();
  await assertDatabaseReachable(url);
  await prepareDatabaseIfNeeded(url, { quiet: true });
  const { db } = connection();
  try {
    switch (positionals[0]) {
      case 'create': {
        if (!values.email || !values.role)
          throw new UsageError(`usage: npm run user:create -- --email <email> --role ${ROLE_CHOICES} [--name <name>]`);
        const password = await readPassword();
        const { email, name } = values;
        const role = values.role.toUpperCase() as TRole;
        // The account and its audit row (actor: the command line) commit together.
        const user = await inTransaction(db, async (tx) => {
          const created = await createUser(tx, { email, role, name, password });
          await recordAuditEvent(tx, {
            actorId: null,
            action: 'user.create',
            target: { type: 'user', id: created.id },
            outcome: 'ok',
            status: 200,
            via: 'cli',
            detail: { email: created.email, role: created.role },
          });
          return created;
        });
        console.log(`created ${user.role.toLowerCase()} ${user.email}`);
        return 0;
      }
      case 'list':
        for (const user of await listUsers(db)) {
          console.log(
            `${user.email}\t${user.role.toLowerCase()}\t${user.disabledAt ? `disabled ${user.disabledAt.toISOString()}` : 'active'}`,
          );
        }
        return 0;
      case 'disable':
      case 'enable': {
        if (!values.email) throw new UsageError(`usage: npm run user:${positionals[0]} -- --email <email>`);
        const disable = positionals[0] === 'disable';
        const email = values.email;
        const user = await inTransaction(db, async (tx) => {
          const changed = await setUserDisabled(tx, email, disable);
          if (changed) {
            await recordAuditEvent(tx, {
              actorId: null,
              action: 'user.change',
              target: { type: 'user', id: changed.id },
              outcome: 'ok',
              status: 200,
              via: 'cli',
              detail: { role: changed.role, disabled: disable },
            });
          }
          return changed;
        });
        if (!user) throw new CliError(`no user with the email ${values.email}`);
        console.log(`${positionals[0] === 'disable' ? 'disabled' : 'enabled'} ${user.email}`);
        return 0;
      }
      case 'reset-password': {
        if (!values.email) throw new UsageError('usage: npm run user:reset-password -- --email <email>');
        const email = values.email.trim().toLowerCase();
        const found = await db.user.findUnique({ where: { email }, select: { id: true } });
        if (!found) throw new CliError(`no user with the email ${values.email}`);
        const reset = await inTransaction(db, async (tx) => {
          const done = await resetUserPassword(tx, found.id);
          await recordAuditEvent(tx, {
            actorId: null,
            action: 'user.resetPassword',
            target: { type: 'user', id: found.id },
            outcome: 'ok',
            status: 200,
            via: 'cli',
            detail: { mustChangePassword: true },
          });
          return done;
        });
        console.log(`temporary password for ${email}: ${reset!.temporaryPassword} (to be changed at the next sign-in)`);
        return 0;
      }
      default:
        throw new UsageError('commands: create, list, disable, enable, reset-password');
    }
  } catch (error) {
    if (error instanceof z.ZodError) throw new CliError(formatIssues(error.issues).join('; '));
    if (error instanceof DuplicateEmailError) throw new CliError(error.message);
    throw error;
  } finally {
    await db.$disconnect();
  }
});
