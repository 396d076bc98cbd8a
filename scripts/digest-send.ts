/**
 * npm run digest:send -- [--date yesterday|today|YYYY-MM-DD] --to a@example.com[,b@example.com] [--from "Name <address>"]
 *
 * Sends a day's digest (default: yesterday, in the site's time zone) as an
 * email with HTML and plain-text versions, through SMTP_URL. One line on
 * success, one line and exit code 1 on any error.
 */
import nextEnv from '@next/env';
import { parseArgs } from 'node:util';
import { connection } from '../lib/db/client';
import { addDays, dayOf, siteTimeZone } from '../lib/digest/day-bounds.mjs';
import { sendDigest, ZRecipients, ZSmtpUrl } from '../lib/digest/send-digest';
import { formatIssues } from '../lib/schemas/format-issues';
import { ZDay } from '../lib/schemas/digest';

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

function fail(message: string): never {
  console.error(`digest:send: ${message}`);
  process.exit(1);
}

function dayFrom(value: string | undefined): string {
  const today = dayOf(new Date(), siteTimeZone());
  if (value === undefined || value === 'yesterday') return addDays(today, -1);
  if (value === 'today') return today;
  const parsed = ZDay.safeParse(value);
  if (!parsed.success)
    fail(
      `--date ${formatIssues(parsed.error.issues)
        .join('; ')
        .replace(/^\(document\): /, '')}`,
    );
  return parsed.data;
}

let args;
try {
  args = parseArgs({ options: { date: { type: 'string' }, to: { type: 'string' }, from: { type: 'string' } } }).values;
} catch (error) {
  fail((error as Error).message);
}
const smtpUrl = ZSmtpUrl.safeParse(process.env.SMTP_URL);
if (!smtpUrl.success) fail(smtpUrl.error.issues[0]!.message);
const to = ZRecipients.safeParse(args.to);
if (!to.success) fail(`--to: ${to.error.issues.map((issue) => issue.message).join('; ')} (got ${JSON.stringify(args.to ?? '')})`);
const day = dayFrom(args.date);

const { db } = connection();
try {
  const result = await sendDigest(db, { day, to: to.data, from: args.from, smtpUrl: smtpUrl.data });
  console.log(
    `sent the digest of ${result.day} (${result.stories} stories) to ${result.recipients} recipient${result.recipients === 1 ? '' : 's'}`,
  );
} catch (error) {
  fail(error instanceof Error ? error.message.split('\n')[0]! : String(error));
} finally {
  await db.$disconnect();
}
