import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSeedFiles } from '../../import/import-seed-folder';
import { openSqlConnection, type SqlConnection } from '../../db/bulk/sql-connection';
import { ZDeskQuery } from '../../schemas/desk';
import { listDeskArticles } from './list-desk-articles';
import { listDeskStoryGroups } from './list-desk-story-groups';

// One event from three outlets (one unpublished), and three unrelated stories.
const LEAD = 'Groups fixture: Easthaven port approves offshore wind terminal';
const SECOND = 'Groups fixture: Easthaven port approves offshore wind terminal plan';
const DRAFT = 'Groups fixture: Easthaven Port Approves Offshore Wind Terminal';
const OTHERS = [
  'Groups fixture: Westbrook tram depot opens to visitors',
  'Groups fixture: Northfield library extends its opening hours',
  'Groups fixture: Southport ferry timetable changes for winter',
];

function record(title: string, outlet: string, hoursAgo: number, quality: number, published: boolean, excerpt: string) {
  return `---
title: "${title}"
excerpt: "${excerpt}"
publishedDateTime: ${new Date(Date.UTC(2026, 10, 20, 12) - hoursAgo * 3_600_000).toISOString()}
webUrl: "https://${outlet}/item-${hoursAgo}"
type: article
quality: ${quality}
published: ${published}
provider:
  name: ${outlet}
  domain: ${outlet}
---
`;
}

const folder = mkdtempSync(join(tmpdir(), 'newsdesk-story-groups-'));
let sql: SqlConnection;
const wind = 'The harbour board voted to build a terminal for offshore wind turbines at Easthaven.';

beforeAll(async () => {
  sql = await openSqlConnection(process.env.DATABASE_URL!);
  const files: Record<string, string> = {
    'groups/lead.md': record(LEAD, 'coast-herald.example', 1, 1000, true, wind),
    'groups/second.md': record(SECOND, 'wind-weekly.example', 2, 900, true, wind),
    'groups/draft.md': record(DRAFT, 'harbour-news.example', 3, 950, false, wind),
    ...Object.fromEntries(
      OTHERS.map((title, index) => [
        `groups/other-${index}.md`,
        record(title, `other-${index}.example`, 10 + index, 500, index !== 1, title),
      ]),
    ),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  const report = await importSeedFiles(sql, folder, Object.keys(files));
  expect(report.rejected).toEqual([]);
});
afterAll(async () => {
  await sql.close();
  rmSync(folder, { recursive: true, force: true });
});

const grouped = (query: Record<string, unknown>) => listDeskStoryGroups(ZDeskQuery.parse({ group: 'story', ...query }));

describe('listDeskStoryGroups', () => {
  it('lists one row per story, its lead, with the counts and the other members with their status', async () => {
    const page = await grouped({});
    expect(page.total).toBe(4);
    expect(page.rows).toHaveLength(4);
    expect(page.groups!.map((group) => group.leadId)).toEqual(page.rows.map((row) => row.id));
    const wind = page.groups![page.rows.findIndex((row) => row.title === LEAD)]!;
    expect(wind).toMatchObject({ articles: 3, unpublished: 1 });
    expect(wind.others.map((row) => [row.title, row.published])).toEqual([
      [SECOND, true],
      [DRAFT, false],
    ]);
    for (const title of OTHERS) {
      const index = page.rows.findIndex((row) => row.title === title);
      expect(page.groups![index]).toMatchObject({ articles: 1, others: [] });
    }
    // Every article is in exactly one group.
    const all = (await listDeskArticles(ZDeskQuery.parse({}))).rows.map((row) => row.id).sort();
    expect([...page.rows.map((row) => row.id), ...page.groups!.flatMap((group) => group.others.map((row) => row.id))].sort()).toEqual(all);
  });

  it('places a story where its best-placed matching article sorts, and pages count stories', async () => {
    const newestFirst = await grouped({ sort: 'publishedAt', dir: 'desc' });
    expect(newestFirst.rows.map((row) => row.title)).toEqual([LEAD, ...OTHERS]);
    const byTitle = await grouped({ sort: 'title', dir: 'asc' });
    expect(byTitle.rows.map((row) => row.title)).toEqual([LEAD, OTHERS[1], OTHERS[2], OTHERS[0]]);
  });

  it('groups only the stories with a matching article, still counting and listing every member', async () => {
    const unpublished = await grouped({ status: 'unpublished' });
    expect(unpublished.total).toBe(2);
    // The draft matches; its story's row is the lead readers see, with the draft among the others.
    const wind = unpublished.groups![unpublished.rows.findIndex((row) => row.title === LEAD)]!;
    expect(wind).toMatchObject({ articles: 3, unpublished: 1 });
    expect(wind.others.map((row) => row.title)).toContain(DRAFT);
    // A story with no published member stands for itself.
    expect(unpublished.rows.map((row) => row.title)).toContain(OTHERS[1]);

    const waiting = await grouped({ story: 'unpublished-member' });
    expect(waiting.rows.map((row) => row.title)).toEqual([LEAD]);
  });

  it('pages by story', async () => {
    // Below the schema's smallest page, to page through four stories.
    const seen: string[] = [];
    for (let page = 1; page <= 2; page++) {
      const result = await listDeskStoryGroups({ ...ZDeskQuery.parse({ group: 'story' }), pageSize: 2, page });
      expect(result).toMatchObject({ total: 4, pages: 2 });
      expect(result.rows).toHaveLength(2);
      seen.push(...result.rows.map((row) => row.title));
    }
    expect(seen).toEqual([LEAD, ...OTHERS]);
    expect((await grouped({ page: 2 })).rows).toEqual([]);
  });
});
