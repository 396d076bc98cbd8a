/**
 * Sends a day's digest by email through SMTP (`SMTP_URL`, e.g.
 * smtps://user:password@smtp.example.com:465): the HTML and plain-text
 * versions readers can also open at /digest/YYYY-MM-DD/email. Sending a past
 * day freezes its digest, so what was sent is what the page keeps showing.
 */
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { recordAuditEvent } from '../data/audit/record-audit-event';
import { getDigest } from '../data/digest/get-digest';
import type { DbClient } from '../db/client';
import { SITE_NAME, siteUrl } from '../reader/site-url';
import { ZEmail } from '../schemas/users';
import { renderDigestEmail } from './render-digest-email';

export const ZSmtpUrl = z
  .string({ error: 'SMTP_URL is not set: give it as smtp://user:password@host:587 or smtps://user:password@host:465' })
  .refine((value) => /^smtps?:\/\/[^/]+/i.test(value), { error: 'SMTP_URL must be an smtp:// or smtps:// URL' });

export const ZRecipients = z
  .string({ error: '--to is required: one or more email addresses, comma-separated' })
  .transform((value) =>
    value
      .split(',')
      .map((address) => address.trim())
      .filter(Boolean),
  )
  .pipe(z.array(ZEmail).min(1, { error: '--to needs at least one email address' }).max(500, { error: '--to takes at most 500 addresses' }));

export type SendDigestInput = { day: string; to: string[]; from?: string; smtpUrl: string; now?: Date };
export type SendDigestResult = { day: string; stories: number; recipients: number; messageId: string };

/** The sender when none is given: the site's name at its own host. */
export function defaultSender(): string {
  return `${SITE_NAME} <digest@${new URL(siteUrl()).hostname}>`;
}

export async function sendDigest(db: DbClient, input: SendDigestInput): Promise<SendDigestResult> {
  const now = input.now ?? new Date();
  const digest = await getDigest(db, input.day, now);
  if (!digest) throw new Error(`there is no digest for ${input.day}: no story of that day is published`);
  const email = renderDigestEmail(digest);
  const transport = nodemailer.createTransport(input.smtpUrl);
  try {
    const info = await transport.sendMail({
      from: input.from ?? defaultSender(),
      to: input.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
    });
    await db.digestEdition.upsert({ where: { day: input.day }, create: { day: input.day, sentAt: now }, update: { sentAt: now } });
    await recordAuditEvent(db, {
      actorId: null,
      action: 'digest.send',
      target: { type: 'digest', id: input.day },
      outcome: 'ok',
      status: 200,
      via: 'cli',
      detail: { recipients: input.to.length, stories: digest.stories.length },
    });
    return { day: input.day, stories: digest.stories.length, recipients: input.to.length, messageId: info.messageId };
  } finally {
    transport.close();
  }
}
