/**
 * Editors' story decisions through the guard: merge, split and lead are
 * audited, undoable, visible on the desk's article, and kept by re-imports
 * and by a rebuild of every story ("editors win").
 */
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { revalidations, signInAs } from '../../test/sessions';
import { writeNewsroomSeeds } from '../../test/fixtures/newsroom/write-newsroom-seeds';
import { getDb } from '../db/client';
import { createUser } from '../data/users/create-user';
import { importSeedFiles } from '../import/import-seed-folder';
import { listStoryClusters } from '../db/bulk/list-story-clusters';
import { rebuildStories } from '../db/bulk/rebuild-stories';
import { openSqlConnection, type SqlConnection } from '../db/bulk/sql-connection';
import { chooseLead, getArticle, listArticles, mergeStories, splitStory, undo } from './index';

const folder = mkdtempSync(join(tmpdir(), 'newsdesk-story-ops-'));
const paths = writeNewsroomSeeds(folder);
let sql: SqlConnection;
let editor: string;
let trio: string[];
let pair: string[];

const idOf = async (path: string) => (await getDb().article.findUniqueOrThrow({ where: { filePath: path }, select: { id: true } })).id;
const storyOf = async (path: string) =>
  (await getDb().article.findUniqueOrThrow({ where: { filePath: path }, select: { storyId: true } })).storyId!;
const clusterOf = async (path: string) => (await listStoryClusters(sql)).find((cluster) => cluster.includes(path))!;

/** Everything clustering can do again: re-import every file (touched, so re-read) and rebuild from scratch. */
async function reclusterEverything() {
  const now = new Date();
  for (const path of paths) utimesSync(join(folder, path), now, now);
  await importSeedFiles(sql, folder, paths);
  const report = await rebuildStories(sql);
  expect(report.articles).toBe(paths.length);
}

beforeAll(async () => {
  sql = await openSqlConnection(process.env.DATABASE_URL!);
  const report = await importSeedFiles(sql, folder, paths);
  expect(report.rejected).toEqual([]);
  editor = (await createUser(getDb(), { email: 'editor@test.example', role: 'EDITOR', password: 'editor password 123' })).id;
  const clusters = await listStoryClusters(sql);
  trio = clusters.find((cluster) => cluster.length === 3)!;
  pair = clusters.find((cluster) => cluster.length === 2)!;
  expect(trio).toBeDefined();
  expect(pair).toBeDefined();
});
afterAll(async () => {
  await sql.close();
  rmSync(folder, { recursive: true, force: true });
});
beforeEach(() => {
  revalidations.length = 0;
  signInAs(editor);
});

describe('story decisions', () => {
  it('shows an article’s story on the desk: every member, published or not, and the lead readers see', async () => {
    const result = await getArticle({ id: await idOf(trio[0]!) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const story = result.data.story!;
    expect(story.id).toBe(await storyOf(trio[0]!));
    expect(story.members.map((member) => member.id).sort()).toEqual((await Promise.all(trio.map(idOf))).sort());
    for (const member of story.members) expect(member.visible).toBe(member.published && !member.publishAt && !member.unpublishAt);
    expect(story.leadId === null || story.members.some((member) => member.id === story.leadId && member.visible)).toBe(true);
  });

  it('splits an article out; the split survives re-imports and a rebuild, and undo puts it back', async () => {
    const [first, second, third] = trio as [string, string, string];
    const before = await storyOf(first);
    const result = await splitStory({ articleId: await idOf(second) });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(revalidations).toContain('articles');
    expect(await storyOf(second)).toBe(result.data.storyId);
    expect(await storyOf(first)).toBe(before);
    expect(await clusterOf(second)).toEqual([second]);
    const audit = await getDb().auditEvent.findFirst({ where: { action: 'story.split', outcome: 'ok' } });
    expect(audit).toMatchObject({ actorId: editor, targetType: 'article', targetId: String(await idOf(second)) });

    await reclusterEverything();
    expect(await clusterOf(second)).toEqual([second]);
    expect(await clusterOf(first)).toEqual([first, third]);

    expect(await splitStory({ articleId: await idOf(second) })).toMatchObject({ ok: false, status: 409 });
    expect(await undo({ changeId: result.data.changeId })).toMatchObject({ ok: true, data: { undone: 1 } });
    expect(await clusterOf(second)).toEqual(trio);
    expect(await getDb().story.count({ where: { id: result.data.storyId } })).toBe(0);
    expect(await undo({ changeId: result.data.changeId })).toMatchObject({ ok: false, status: 409 });
  });

  it('merges two stories; later arrivals follow, a rebuild keeps it, and undo separates them again', async () => {
    const from = await storyOf(pair[0]!);
    const into = await storyOf(trio[0]!);
    const result = await mergeStories({ storyId: from, intoStoryId: into });
    expect(result).toMatchObject({ ok: true, data: { storyId: into, moved: 2 } });
    if (!result.ok) return;
    const merged = [...trio, ...pair];
    expect((await clusterOf(trio[0]!)).sort()).toEqual([...merged].sort());

    await reclusterEverything();
    expect((await clusterOf(trio[0]!)).sort()).toEqual([...merged].sort());

    // A later arrival reporting the merged-away story (its headline, another outlet's address) follows the merge.
    const text = readFileSync(join(folder, pair[0]!), 'utf8')
      .replace(/^webUrl: .*$/m, 'webUrl: https://late.example.org/same-story')
      .replace(/^originalUrl: .*$/m, 'originalUrl: https://late.example.org/same-story');
    writeFileSync(join(folder, 'late-arrival.md'), text);
    const arrival = await importSeedFiles(sql, folder, ['late-arrival.md']);
    expect(arrival.created).toBe(1);
    expect(await storyOf('late-arrival.md')).toBe(into);
    await getDb().article.delete({ where: { filePath: 'late-arrival.md' } });
    await rebuildStories(sql);

    expect(await mergeStories({ storyId: from, intoStoryId: into })).toMatchObject({ ok: false, status: 409 });
    expect(await undo({ changeId: result.data.changeId })).toMatchObject({ ok: true });
    expect(await clusterOf(trio[0]!)).toEqual(trio);
    expect(await clusterOf(pair[0]!)).toEqual(pair);
  });

  it('picks the lead; a rebuild keeps it; undo clears it', async () => {
    const pick = await idOf(trio[2]!);
    const result = await chooseLead({ articleId: pick });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    await reclusterEverything();
    const story = await getDb().story.findUniqueOrThrow({ where: { id: await storyOf(trio[2]!) } });
    expect(story.leadArticleId).toBe(pick);
    const desk = await getArticle({ id: pick });
    if (desk.ok) expect(desk.data.story?.chosenLeadId).toBe(pick);
    expect(await undo({ changeId: result.data.changeId })).toMatchObject({ ok: true });
    expect((await getDb().story.findUniqueOrThrow({ where: { id: story.id } })).leadArticleId).toBeNull();
  });

  it('filters the desk to stories with an unpublished and a published article', async () => {
    const result = await listArticles({ story: 'unpublished-member', pageSize: 200 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rows = await getDb().article.findMany({ select: { id: true, storyId: true, published: true } });
    const expected = rows.filter(
      (row) =>
        rows.some((other) => other.storyId === row.storyId && !other.published) &&
        rows.some((other) => other.storyId === row.storyId && other.published),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(result.data.rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(expected.map((row) => row.id).sort((a, b) => a - b));
    expect(await listArticles({ story: 'duplicates' })).toMatchObject({ ok: false, status: 400 });
    // Every article of one story, each row saying how many the story has.
    const story = await storyOf(trio[0]!);
    const members = await listArticles({ storyId: String(story) });
    if (!members.ok) throw new Error(members.error);
    expect(members.data.rows.map((row) => row.id).sort((a, b) => a - b)).toEqual((await Promise.all(trio.map(idOf))).sort((a, b) => a - b));
    for (const row of members.data.rows) expect(row.inStory).toEqual({ id: story, articles: 3 });
    const live = await listArticles({ story: 'unpublished-member', status: 'live', pageSize: 200 });
    if (live.ok) expect(live.data.rows.every((row) => row.published)).toBe(true);
  });

  it('refuses what makes no sense, naming the field', async () => {
    const story = await storyOf(trio[0]!);
    const same = await mergeStories({ storyId: story, intoStoryId: story });
    expect(same).toMatchObject({ ok: false, status: 400 });
    if (!same.ok) expect(same.error).toMatch(/intoStoryId/);
    expect(await mergeStories({ storyId: story, intoStoryId: 999_999 })).toMatchObject({ ok: false, status: 404 });
    expect(await splitStory({ articleId: 'abc' })).toMatchObject({ ok: false, status: 400 });
    expect(await chooseLead({ articleId: 999_999 })).toMatchObject({ ok: false, status: 404 });
    const alone = (await listStoryClusters(sql)).find((cluster) => cluster.length === 1)![0]!;
    expect(await splitStory({ articleId: await idOf(alone) })).toMatchObject({ ok: false, status: 409 });
  });
});
