/**
 * The digest email through a real SMTP server started on loopback by the
 * test (smtp-server), checking the MIME message it receives.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDocument, withField } from '../../test/fixtures/article-files';
import { folderWith } from '../../test/temp-folder';
import { getDb } from '../db/client';
import { openSqlConnection } from '../db/bulk/sql-connection';
import { importSeedFolder } from '../import/import-seed-folder';
import { sendDigest } from './send-digest';

const received: { envelope: string[]; raw: Buffer }[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ envelope: session.envelope.rcptTo.map((to) => to.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
  const sql = await openSqlConnection(process.env.DATABASE_URL!);
  await importSeedFolder(
    sql,
    folderWith({
      'seed.txt': seedDocument,
      'second.md': withField(seedDocument, 'title: "ACLU, civil rights', 'title: "<b>Second</b> & civil rights'),
    }),
  );
  await sql.close();
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('npm run digest:send', () => {
  it('sends the digest as a MIME message with an HTML and a plain-text version, and keeps what was sent', async () => {
    const now = new Date('2021-02-20T07:00:00Z');
    const result = await sendDigest(getDb(), {
      day: '2021-02-17',
      to: ['newsletter@list.example', 'editor@news.example'],
      from: 'Newsdesk <digest@news.example>',
      smtpUrl: `smtp://127.0.0.1:${port}`,
      now,
    });
    expect(result).toMatchObject({ day: '2021-02-17', stories: 2, recipients: 2 });
    expect(received).toHaveLength(1);
    expect(received[0]!.envelope.sort()).toEqual(['editor@news.example', 'newsletter@list.example']);

    const raw = received[0]!.raw.toString('utf8');
    expect(raw).toMatch(/Content-Type: multipart\/alternative/i);
    const mail: ParsedMail = await simpleParser(received[0]!.raw);
    expect(mail.subject).toBe('Newsdesk digest: Wednesday, 17 February 2021');
    expect(mail.from?.value[0]).toMatchObject({ name: 'Newsdesk', address: 'digest@news.example' });
    const html = String(mail.html);
    expect(html).toContain('<table role="presentation"');
    expect(html).not.toMatch(/<script|<link|<style/i);
    expect(html).toContain('&lt;b&gt;Second&lt;/b&gt; &amp; civil rights');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!);
    expect(hrefs.length).toBeGreaterThan(4);
    for (const href of hrefs) expect(href, 'every link is absolute').toMatch(/^https?:\/\//);
    expect(mail.text).toContain('1. ACLU, civil rights groups urge Biden to halt use of facial recognition technology (The Hill)');
    expect(mail.text).toContain('<b>Second</b> & civil rights');

    const edition = await getDb().digestEdition.findUniqueOrThrow({ where: { day: '2021-02-17' } });
    expect(edition.sentAt).toEqual(now);
    expect(edition.frozenAt).not.toBeNull();
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: 'digest.send' } });
    expect(audit).toMatchObject({ via: 'cli', targetId: '2021-02-17', outcome: 'ok' });
  });

  it('says in one line why it could not send', async () => {
    const send = (day: string, smtpUrl: string) =>
      sendDigest(getDb(), { day, to: ['a@b.example'], smtpUrl, now: new Date('2021-02-20T07:00:00Z') });
    await expect(send('2021-02-16', `smtp://127.0.0.1:${port}`)).rejects.toThrow('there is no digest for 2021-02-16');
    await expect(send('2021-02-17', 'smtp://127.0.0.1:1')).rejects.toThrow(/ECONNREFUSED/);
  });
});
