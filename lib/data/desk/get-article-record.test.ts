import { beforeAll, describe, expect, it } from 'vitest';
import { everyFieldDocument, legacyDocument, withField } from '../../../test/fixtures/article-files';
import { folderWith } from '../../../test/temp-folder';
import { openSqlConnection } from '../../db/bulk/sql-connection';
import { getDb } from '../../db/client';
import { importSeedFolder } from '../../import/import-seed-folder';
import { getArticleRecord } from './get-article-record';

let ids: { every: number; legacy: number };

beforeAll(async () => {
  const sql = await openSqlConnection(process.env.DATABASE_URL!);
  await importSeedFolder(
    sql,
    folderWith({
      'every.md': everyFieldDocument,
      'legacy.md': withField(legacyDocument, 'type: article', "type: article\nfeaturedContent: '<script>alert(1)</script>'"),
    }),
  );
  await sql.close();
  const db = getDb();
  const idOf = async (path: string) => (await db.article.findFirstOrThrow({ where: { filePath: path } })).id;
  ids = { every: await idOf('every.md'), legacy: await idOf('legacy.md') };
});

describe('getArticleRecord', () => {
  it('holds what an editor decides from: image, excerpt, topics, provider, links, every related link, the file against the editors', async () => {
    const db = getDb();
    await db.article.update({
      where: { id: ids.every },
      data: { quality: 500, qualityRank: 500, qualityEditedAt: new Date('2026-11-01T10:00:00Z') },
    });
    const record = await getArticleRecord(db, ids.every);
    expect(record).toMatchObject({
      excerpt: "It's all here — “quotes”, café, and a colon: too",
      heat: 1000,
      type: 'article',
      leadImage: { url: 'https://example.com/lead.jpg', width: 1200, height: 628, title: 'Lead image' },
      provider: { name: 'Example Daily', domain: 'example.com' },
      links: [
        { label: 'web', url: 'https://example.com/web' },
        { label: 'original', url: 'https://example.com/original' },
        { label: 'AMP', url: 'https://example.com/web?amp' },
      ],
      file: {
        path: 'every.md',
        says: { published: false, quality: 0 },
        editorsSet: { published: null, quality: '2026-11-01T10:00:00.000Z' },
      },
      current: { published: false, quality: 500, visibleNow: false },
      featuredVideoId: 'dQw4w9WgXcQ',
      hasFeaturedContent: true,
    });
    expect(record!.topics.map((topic) => topic.name)).toEqual(['AI', 'Computer Vision']);
    expect(record!.related).toEqual([
      {
        outlet: 'Other',
        domain: 'other.example.org',
        title: 'Related one',
        url: 'https://other.example.org/one',
        publishedAt: '2024-05-01T09:00:00.250Z',
        quality: 77,
      },
      {
        outlet: null,
        domain: null,
        title: 'Related two, no extras',
        url: 'https://third.example.net/two',
        publishedAt: null,
        quality: null,
      },
    ]);
  });

  it('never lets a non-http(s) URL through, and recognises no embed in arbitrary HTML', async () => {
    const db = getDb();
    const link = await db.relatedLink.findFirstOrThrow({ where: { articleId: ids.every, title: 'Related two, no extras' } });
    await db.relatedLink.update({ where: { id: link.id }, data: { webUrl: 'javascript:alert(1)' } });
    await db.article.update({ where: { id: ids.every }, data: { webUrl: 'data:text/html,hi' } });
    const record = await getArticleRecord(db, ids.every);
    expect(record!.related[1]).toMatchObject({ url: null });
    expect(record!.links.map((entry) => entry.label)).toEqual(['original', 'AMP']);
    const legacy = await getArticleRecord(db, ids.legacy);
    expect(legacy).toMatchObject({ featuredVideoId: null, hasFeaturedContent: true, leadImage: null, related: [] });
    expect(await getArticleRecord(db, 999_999)).toBeNull();
  });
});
