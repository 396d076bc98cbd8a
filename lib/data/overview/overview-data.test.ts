import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { qualityRank } from '../../ranking/trending';
import { createUser } from '../users/create-user';
import { leavePresence } from '../live/leave-presence';
import { listDeskEvents } from '../live/list-desk-events';
import { listPresence, PRESENCE_TTL_MS } from '../live/list-presence';
import { recordPresence } from '../live/record-presence';
import { deleteSavedView } from '../views/delete-saved-view';
import { listSavedViews } from '../views/list-saved-views';
import { saveView } from '../views/save-view';
import { countArticlesPerDay } from './count-articles-per-day';
import { countDecisionQueue } from './count-decision-queue';
import { countEditorChangesPerDay } from './count-editor-changes-per-day';
import { countQualityDistribution } from './count-quality-distribution';
import { getQueueSince } from './get-queue-since';
import { listDecisionQueue } from './list-decision-queue';
import { listRisingTopics } from './list-rising-topics';
import { listTopSources } from './list-top-sources';
import { markDeskVisit } from './mark-desk-visit';
import { skipQueuedArticle } from './skip-queued-article';

const db = getDb();
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let dana: string;
let eli: string;
let sources: { wire: number; gazette: number };
let topics: { ai: number; sport: number };

async function article(fields: {
  title: string;
  source: 'wire' | 'gazette';
  publishedAt: string;
  createdAt?: string;
  published?: boolean;
  quality?: number | null;
  topics?: ('ai' | 'sport')[];
}) {
  const quality = fields.quality ?? null;
  return db.article.create({
    data: {
      title: fields.title,
      publishedAt: new Date(fields.publishedAt),
      createdAt: new Date(fields.createdAt ?? '2026-10-01T00:00:00Z'),
      sourceId: sources[fields.source],
      sourceName: fields.source === 'wire' ? 'The Wire' : 'The Gazette',
      published: fields.published ?? false,
      quality,
      qualityRank: qualityRank(quality),
      trendingRank: 0,
      topics: { create: (fields.topics ?? []).map((slug, position) => ({ position, topicId: topics[slug], label: slug })) },
    },
    select: { id: true },
  });
}

beforeAll(async () => {
  dana = (await createUser(db, { email: 'dana@test.example', role: 'EDITOR', password: 'dana password 123' })).id;
  eli = (await createUser(db, { email: 'eli@test.example', role: 'EDITOR', password: 'eli password 1234' })).id;
  await db.user.update({ where: { id: dana }, data: { name: 'Dana' } });
  sources = {
    wire: (await db.source.create({ data: { domain: 'wire.example', name: 'The Wire' } })).id,
    gazette: (await db.source.create({ data: { domain: 'gazette.example', name: 'The Gazette' } })).id,
  };
  topics = {
    ai: (await db.topic.create({ data: { slug: 'ai', name: 'AI' } })).id,
    sport: (await db.topic.create({ data: { slug: 'sport', name: 'Sport' } })).id,
  };
  // Charts: 1–3 November 2026; the week to 15 November against the week before.
  await article({ title: 'w1', source: 'wire', publishedAt: '2026-11-01T08:00:00Z', published: true, quality: 800, topics: ['ai'] });
  await article({ title: 'w2', source: 'wire', publishedAt: '2026-11-01T23:59:59Z', quality: 600, topics: ['ai'] });
  await article({ title: 'w3', source: 'wire', publishedAt: '2026-11-03T00:00:00Z', published: true, quality: 1000 });
  await article({ title: 'w4', source: 'wire', publishedAt: '2026-11-03T12:00:00Z', quality: -1 });
  await article({ title: 'g1', source: 'gazette', publishedAt: '2026-11-02T10:00:00Z', published: true, quality: 900, topics: ['sport'] });
  await article({ title: 'g2', source: 'gazette', publishedAt: '2026-11-02T11:00:00Z', quality: 950 });
  await article({ title: 'g3', source: 'gazette', publishedAt: '2026-11-02T12:00:00Z', quality: 990 });
  await article({ title: 'out', source: 'gazette', publishedAt: '2026-11-04T00:00:00Z', published: true, quality: 5 });
  for (const [index, at] of ['2026-11-09', '2026-11-10', '2026-11-14'].entries())
    await article({ title: `ai-now-${index}`, source: 'wire', publishedAt: `${at}T09:00:00Z`, topics: ['ai'] });
  await article({ title: 'ai-before', source: 'wire', publishedAt: '2026-11-03T09:00:00Z', topics: ['ai'] });
  await article({ title: 'sport-now', source: 'wire', publishedAt: '2026-11-12T09:00:00Z', topics: ['sport'] });
  await article({ title: 'sport-before-1', source: 'wire', publishedAt: '2026-11-05T09:00:00Z', topics: ['sport'] });
  await article({ title: 'sport-before-2', source: 'wire', publishedAt: '2026-11-06T09:00:00Z', topics: ['sport'] });
});

describe('the overview charts', () => {
  const range = { start: day('2026-11-01'), end: day('2026-11-04') };

  it('count articles per publication day, published and not, listing every day of the range', async () => {
    expect(await countArticlesPerDay(db, range)).toEqual([
      { day: '2026-11-01', published: 1, unpublished: 1 },
      { day: '2026-11-02', published: 1, unpublished: 2 },
      { day: '2026-11-03', published: 1, unpublished: 2 },
    ]);
    expect(await countArticlesPerDay(db, { ...range, topicId: topics.ai })).toEqual([
      { day: '2026-11-01', published: 1, unpublished: 1 },
      { day: '2026-11-02', published: 0, unpublished: 0 },
      { day: '2026-11-03', published: 0, unpublished: 1 },
    ]);
  });

  it('rank sources by articles, and by average quality only with enough scored articles', async () => {
    const { byCount, byQuality } = await listTopSources(db, range);
    expect(byCount.map((source) => [source.domain, source.articles, source.scored])).toEqual([
      ['wire.example', 5, 3],
      ['gazette.example', 3, 3],
    ]);
    // The wire's sentinel (-1) and its unscored article do not drag its average down: (800 + 600 + 1000) / 3.
    expect(byQuality.map((source) => [source.domain, source.averageQuality])).toEqual([
      ['gazette.example', 947],
      ['wire.example', 800],
    ]);
    expect((await listTopSources(db, { ...range, topicId: topics.sport })).byQuality).toEqual([]);
  });

  it('bucket quality by hundreds, the maximum in the last bucket, sentinels and absent scores as "no score"', async () => {
    const buckets = await countQualityDistribution(db, range);
    expect(buckets).toHaveLength(11);
    expect(Object.fromEntries(buckets.filter((bucket) => bucket.articles > 0).map((bucket) => [bucket.label, bucket.articles]))).toEqual({
      'no score': 2,
      '600–699': 1,
      '800–899': 1,
      '900–1000': 4,
    });
  });

  it('list topics with more articles this week than last, most risen first', async () => {
    // 9–15 November against 2–8 November: AI rose (3 against 1), sport fell (1 against 3).
    expect(await listRisingTopics(db, day('2026-11-16'))).toEqual([{ slug: 'ai', name: 'AI', thisWeek: 3, lastWeek: 1, change: 2 }]);
    // 1–7 November against the week before: sport 3 against none, AI 3 (w1, w2, ai-before) against none; a tie goes by topic id.
    expect(await listRisingTopics(db, day('2026-11-08'))).toEqual([
      { slug: 'ai', name: 'AI', thisWeek: 3, lastWeek: 0, change: 3 },
      { slug: 'sport', name: 'Sport', thisWeek: 3, lastWeek: 0, change: 3 },
    ]);
  });

  it('count each editor’s changes per day from the change trail, within the topic', async () => {
    const [w1] = await db.article.findMany({ where: { title: 'w1' } });
    const [g1] = await db.article.findMany({ where: { title: 'g1' } });
    const change = (articleId: number, userId: string | null, at: string) =>
      db.articleChange.create({
        data: { articleId, userId, field: 'quality', oldValue: 'null', newValue: '1', via: 'desk', createdAt: new Date(at) },
      });
    await change(w1!.id, dana, '2026-11-01T10:00:00Z');
    await change(w1!.id, dana, '2026-11-01T23:00:00Z');
    await change(g1!.id, dana, '2026-11-03T01:00:00Z');
    await change(g1!.id, eli, '2026-11-02T09:00:00Z');
    await change(g1!.id, eli, '2026-11-04T09:00:00Z');
    const editors = await countEditorChangesPerDay(db, range);
    expect(editors.map((editor) => [editor.editor, editor.total, editor.days.map((d) => d.changes)])).toEqual([
      ['Dana', 3, [2, 0, 1]],
      ['eli@test.example', 1, [0, 1, 0]],
    ]);
    const ai = await countEditorChangesPerDay(db, { ...range, topicId: topics.ai });
    expect(ai.map((editor) => [editor.editor, editor.total])).toEqual([['Dana', 2]]);
  });
});

describe('the decision queue', () => {
  it('lists unpublished arrivals since the boundary, newest first, without skipped ones, within a topic', async () => {
    const since = new Date('2026-11-20T00:00:00Z');
    const old = await article({ title: 'q-old', source: 'wire', publishedAt: '2026-11-19T00:00:00Z', createdAt: '2026-11-19T23:00:00Z' });
    const first = await article({
      title: 'q-first',
      source: 'wire',
      publishedAt: '2026-11-20T00:00:00Z',
      createdAt: '2026-11-20T08:00:00Z',
    });
    const second = await article({
      title: 'q-second',
      source: 'gazette',
      publishedAt: '2026-11-18T00:00:00Z',
      createdAt: '2026-11-20T09:00:00Z',
      topics: ['ai'],
    });
    await article({
      title: 'q-published',
      source: 'wire',
      publishedAt: '2026-11-20T00:00:00Z',
      createdAt: '2026-11-20T10:00:00Z',
      published: true,
    });
    const third = await article({
      title: 'q-third',
      source: 'wire',
      publishedAt: '2026-11-20T00:00:00Z',
      createdAt: '2026-11-20T11:00:00Z',
    });
    const queue = await listDecisionQueue(db, since);
    expect(queue.rows.map((row) => row.title)).toEqual(['q-third', 'q-second', 'q-first']);
    expect(queue).toMatchObject({ total: 3, totalIsCapped: false });
    expect(queue.rows[0]!.arrivedAt).toBe('2026-11-20T11:00:00.000Z');
    expect((await listDecisionQueue(db, since, { topicId: topics.ai })).rows.map((row) => row.id)).toEqual([second.id]);

    expect(await skipQueuedArticle(db, eli, third.id)).toMatchObject({ id: third.id });
    expect(await skipQueuedArticle(db, dana, third.id)).toMatchObject({ id: third.id });
    expect((await listDecisionQueue(db, since)).rows.map((row) => row.id)).toEqual([second.id, first.id]);
    await expect(skipQueuedArticle(db, eli, 999_999)).rejects.toMatchObject({ status: 404 });
    const published = await db.article.findFirstOrThrow({ where: { title: 'q-published' } });
    await expect(skipQueuedArticle(db, eli, published.id)).rejects.toMatchObject({ status: 409 });
    expect(old.id).toBeLessThan(first.id);
  });

  it('starts where the editor’s last visit ended, and counts for the navigation', async () => {
    const editor = (await createUser(db, { email: 'new@test.example', role: 'EDITOR', password: 'new password 12345' })).id;
    const now = new Date('2026-11-20T12:00:00Z');
    expect(await getQueueSince(db, editor, now)).toEqual(new Date('2026-11-13T12:00:00Z'));
    await markDeskVisit(db, editor, new Date('2026-11-20T08:30:00Z'));
    // Still on the same visit ten minutes later; three hours later the queue starts at 08:30.
    expect(await getQueueSince(db, editor, new Date('2026-11-20T08:40:00Z'))).toEqual(new Date('2026-11-13T08:30:00Z'));
    expect(await getQueueSince(db, editor, now)).toEqual(new Date('2026-11-20T08:30:00Z'));
    // q-first (08:00) is before the boundary, q-second (09:00) after; q-third is skipped.
    expect(await countDecisionQueue(db, editor, now)).toBe(1);
  });
});

describe('presence', () => {
  it('keeps one heartbeat per editor and article, forgets it after the time-to-live, and on leaving', async () => {
    const now = new Date();
    await recordPresence(db, dana, { articleId: 7, activity: 'viewing' }, new Date(now.getTime() - 1000));
    await recordPresence(db, dana, { articleId: 7, activity: 'editing quality' }, now);
    await recordPresence(db, eli, { articleId: 0, activity: 'viewing' }, new Date(now.getTime() - PRESENCE_TTL_MS - 1));
    expect((await listPresence(db, now)).map((entry) => [entry.who, entry.articleId, entry.activity])).toEqual([
      ['Dana', 7, 'editing quality'],
    ]);
    expect(await leavePresence(db, dana, 7)).toEqual({ left: 1 });
    expect(await listPresence(db, now)).toEqual([]);
  });
});

describe('the live event feed', () => {
  it('lists successful article changes after an id, oldest first', async () => {
    const event = (action: string, outcome = 'ok') =>
      db.auditEvent.create({ data: { actorId: dana, action, targetType: 'article', targetId: '1', outcome, status: 200, via: 'desk' } });
    const before = await event('article.edit');
    const edit = await event('article.edit');
    await event('article.edit', 'refused');
    await event('user.create');
    const skip = await event('article.skip');
    const events = await listDeskEvents(db, before.id);
    expect(events.map((entry) => [entry.id, entry.action, entry.actor])).toEqual([
      [edit.id, 'article.edit', 'Dana'],
      [skip.id, 'article.skip', 'Dana'],
    ]);
    expect(await listDeskEvents(db, skip.id)).toEqual([]);
  });
});

describe('saved views', () => {
  it('are per editor, replaced by name, and deleted only by their owner', async () => {
    const first = await saveView(db, dana, { name: 'Unpublished AI', query: 'status=unpublished&topic=ai' });
    await saveView(db, dana, { name: 'Unpublished AI', query: 'status=unpublished&topic=ai&sort=updatedAt' });
    await saveView(db, eli, { name: 'Mine', query: 'status=live' });
    expect(await listSavedViews(db, dana)).toEqual([
      { id: first.id, name: 'Unpublished AI', query: 'status=unpublished&topic=ai&sort=updatedAt' },
    ]);
    await expect(deleteSavedView(db, eli, first.id)).rejects.toMatchObject({ status: 404 });
    expect(await deleteSavedView(db, dana, first.id)).toEqual({ id: first.id });
    expect(await listSavedViews(db, dana)).toEqual([]);
  });
});
