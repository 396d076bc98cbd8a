import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGenerator } from '../../../bench/generate-articles';
import { signInAs } from '../../../test/sessions';
import { folderWith } from '../../../test/temp-folder';
import { getDb } from '../../db/client';
import { openSqlConnection } from '../../db/bulk/sql-connection';
import { serialiseArticleFile } from '../../front-matter/serialise-article-file';
import { importSeedFolder } from '../../import/import-seed-folder';
import { getDigestForDesk, pickForDigest, republishDigest, setDigestNote } from '../../operations';
import { DIGEST_SIZE } from '../../schemas/digest';
import { createUser } from '../users/create-user';
import { getDigest } from './get-digest';

const DAY = '2030-03-10';
const NOON = new Date(`${DAY}T12:00:00Z`);
const NEXT_MORNING = new Date('2030-03-11T07:00:00Z');
let ids: number[];

beforeAll(async () => {
  const generate = createGenerator(7, {
    sourceCount: 8,
    from: new Date(`${DAY}T00:30:00Z`),
    to: new Date(`${DAY}T11:00:00Z`),
    maxQuality: 500,
  });
  const files: Record<string, string> = {};
  for (let i = 0; i < 14; i++)
    files[`digest/${i}.md`] = serialiseArticleFile({ ...generate(i), published: true, quality: 100 + i * 10, heat: i });
  files['digest/late.md'] = serialiseArticleFile({
    ...generate(99),
    publishedDateTime: '2030-03-10T23:30:00Z',
    published: true,
    quality: 1,
  });
  files['digest/other-day.md'] = serialiseArticleFile({
    ...generate(98),
    publishedDateTime: '2030-03-09T12:00:00Z',
    published: true,
    quality: 999,
  });
  const sql = await openSqlConnection(process.env.DATABASE_URL!);
  await importSeedFolder(sql, folderWith(files));
  await sql.close();
  ids = (
    await getDb().article.findMany({ where: { filePath: { startsWith: 'digest/' } }, orderBy: { id: 'asc' }, select: { id: true } })
  ).map((row) => row.id);
  signInAs((await createUser(getDb(), { email: 'digest@test.example', role: 'EDITOR', password: 'digest editor password' })).id);
});

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

describe('the daily digest', () => {
  it('is the day’s best stories by quality then heat, and follows the news until the day is over', async () => {
    vi.setSystemTime(NOON);
    const digest = await getDigest(getDb(), DAY, new Date());
    expect(digest).toMatchObject({ day: DAY, frozen: false });
    expect(digest!.stories).toHaveLength(DIGEST_SIZE);
    const qualities = digest!.stories.map((story) => story.quality!);
    expect(qualities).toEqual([...qualities].sort((a, b) => b - a));
    expect(qualities, 'the previous day’s 999 and the late 23:30 story stay out of the top').not.toContain(999);
    expect(await getDigest(getDb(), '2030-03-12', new Date())).toBeNull();
  });

  it('takes the editors’ pins, drops and note, audited', async () => {
    vi.setSystemTime(NOON);
    const before = (await getDigest(getDb(), DAY, new Date()))!;
    const top = before.stories[0]!.id;
    const outside = ids.find((id) => !before.stories.some((story) => story.id === id))!;
    expect(await pickForDigest({ day: DAY, articleId: top, kind: 'drop' })).toMatchObject({ ok: true });
    expect(await pickForDigest({ day: DAY, articleId: outside, kind: 'pin' })).toMatchObject({ ok: true });
    expect(await setDigestNote({ day: DAY, note: 'A quiet Sunday, then the storm.' })).toMatchObject({ ok: true });
    expect(await setDigestNote({ day: DAY, note: 'two\nlines' })).toMatchObject({ ok: false, status: 400 });
    expect(await pickForDigest({ day: '2030-02-30', articleId: top, kind: 'pin' })).toMatchObject({ ok: false, status: 400 });
    expect(await pickForDigest({ day: DAY, articleId: 999_999, kind: 'pin' })).toMatchObject({ ok: false, status: 404 });
    const after = (await getDigest(getDb(), DAY, new Date()))!;
    expect(after.note).toBe('A quiet Sunday, then the storm.');
    expect(after.stories[0]).toMatchObject({ id: outside, pinned: true });
    expect(after.stories.map((story) => story.id)).not.toContain(top);
    const events = await getDb().auditEvent.findMany({ where: { targetType: 'digest', targetId: DAY, outcome: 'ok' } });
    expect(events.map((event) => event.action).sort()).toEqual(['digest.note', 'digest.pick', 'digest.pick']);
  });

  it('freezes on the first reading after the day, keeps what it was through later edits, and changes only when republished', async () => {
    vi.setSystemTime(NEXT_MORNING);
    const frozen = (await getDigest(getDb(), DAY, new Date()))!;
    expect(frozen.frozen).toBe(true);
    // Later: an editor unpublishes a story of that day and changes the note.
    const gone = frozen.stories[1]!.id;
    await getDb().article.update({ where: { id: gone }, data: { published: false } });
    vi.setSystemTime(new Date(NEXT_MORNING.getTime() + 3_600_000));
    await setDigestNote({ day: DAY, note: 'Corrected note' });
    const kept = (await getDigestForDesk({ day: DAY })) as { ok: true; data: Awaited<ReturnType<typeof getDigest>> };
    expect(kept.data).toMatchObject({ frozen: true, pendingChanges: true, note: frozen.note });
    expect(kept.data!.stories.map((story) => story.id)).toEqual(frozen.stories.map((story) => story.id));
    expect(await republishDigest({ day: DAY })).toMatchObject({ ok: true });
    const republished = (await getDigest(getDb(), DAY, new Date()))!;
    expect(republished).toMatchObject({ frozen: true, pendingChanges: false, note: 'Corrected note' });
    expect(republished.stories.map((story) => story.id)).not.toContain(gone);
    vi.setSystemTime(NOON);
    expect(await republishDigest({ day: '2030-03-10' })).toMatchObject({ ok: false, status: 422 });
  });
});
