/**
 * The digest as an email: HTML that mainstream mail clients render (a table
 * layout, inline styles, no script, no external CSS, every URL absolute) and a
 * plain-text alternative with the same stories.
 */
import { absoluteUrl, SITE_NAME } from '../reader/site-url';
import type { Digest } from '../schemas/digest';

export type DigestEmail = { subject: string; html: string; text: string };

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);

/** "Friday 28 November 2026", for the day itself (no time zone shift: it is a calendar day). */
export function longDay(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function storyHtml(story: Digest['stories'][number], index: number): string {
  const link = story.url ?? absoluteUrl(story.path);
  const coverage = story.coverage
    .filter((item) => item.url)
    .map(
      (item) =>
        `<a href="${escapeHtml(item.url!)}" style="color:#0b57d0;text-decoration:none">${escapeHtml(item.sourceName ?? item.title)}</a>`,
    )
    .join(' · ');
  return `<tr><td style="padding:16px 0;border-top:1px solid #e2e4e8">
<p style="margin:0 0 4px;${FONT};font-size:12px;color:#5f6368">${index + 1}. ${escapeHtml(story.source.name)}</p>
<p style="margin:0 0 6px;${FONT};font-size:18px;line-height:1.3;font-weight:600"><a href="${escapeHtml(link)}" style="color:#1b1b1f;text-decoration:none">${escapeHtml(story.title)}</a></p>
${story.excerpt ? `<p style="margin:0 0 6px;${FONT};font-size:14px;line-height:1.5;color:#3c4043">${escapeHtml(story.excerpt)}</p>` : ''}
<p style="margin:0;${FONT};font-size:13px;color:#5f6368"><a href="${escapeHtml(absoluteUrl(story.path))}" style="color:#0b57d0">Full coverage</a>${coverage ? ` · More from ${coverage}` : ''}</p>
</td></tr>`;
}

export function renderDigestEmail(digest: Digest): DigestEmail {
  const day = longDay(digest.day);
  const subject = `${SITE_NAME} digest: ${day}`;
  const page = absoluteUrl(`/digest/${digest.day}`);
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f5f6f8">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f5f6f8"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:6px"><tr><td style="padding:24px">
<p style="margin:0;${FONT};font-size:13px;color:#5f6368">${escapeHtml(SITE_NAME)} · the day's top stories</p>
<h1 style="margin:4px 0 12px;${FONT};font-size:24px;color:#1b1b1f">${escapeHtml(day)}</h1>
${digest.note ? `<p style="margin:0 0 12px;${FONT};font-size:15px;line-height:1.5;color:#1b1b1f;font-style:italic">${escapeHtml(digest.note)}</p>` : ''}
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
${digest.stories.map(storyHtml).join('\n')}
</table>
<p style="margin:16px 0 0;${FONT};font-size:12px;color:#5f6368"><a href="${escapeHtml(page)}" style="color:#0b57d0">Read this digest on the web</a></p>
</td></tr></table>
</td></tr></table>
</body></html>
`;
  const text = [
    `${SITE_NAME}: the day's top stories`,
    day,
    ...(digest.note ? ['', digest.note] : []),
    '',
    ...digest.stories.flatMap((story, index) => [
      `${index + 1}. ${story.title} (${story.source.name})`,
      `   ${story.url ?? absoluteUrl(story.path)}`,
      ...(story.coverage.length
        ? [`   More from ${story.coverage.map((item) => item.sourceName ?? item.title).join(', ')}: ${absoluteUrl(story.path)}`]
        : []),
      '',
    ]),
    `On the web: ${page}`,
    '',
  ].join('\n');
  return { subject, html, text };
}
