import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { revalidations, signInAs } from '@/test/sessions';
import { legacyDocument, minimalDocument, seedDocument, withField } from '@/test/fixtures/article-files';
import { tarGz } from '@/test/fixtures/archives';
import { getDb } from '@/lib/db/client';
import { createUser } from '@/lib/data/users/create-user';
import { GET as getRun } from './[id]/route';
import { GET as listRuns, POST } from './route';

let admin: string;
let importer: string;
let editor: string;

beforeAll(async () => {
  const db = getDb();
  admin = (await createUser(db, { email: 'admin@imports.test', role: 'ADMIN', password: 'admin password 123' })).id;
  importer = (await createUser(db, { email: 'bot@imports.test', role: 'IMPORTER', password: 'importer password 1' })).id;
  editor = (await createUser(db, { email: 'editor@imports.test', role: 'EDITOR', password: 'editor password 12' })).id;
});

beforeEach(() => {
  revalidations.length = 0;
  signInAs(null);
});

const post = (body: Buffer | string | ReadableStream, contentType: string, query = '') =>
  POST(
    new Request(`http://localhost/api/desk/imports${query}`, {
      method: 'POST',
      body: (Buffer.isBuffer(body) ? new Uint8Array(body) : body) as BodyInit,
      headers: { 'content-type': contentType },
      duplex: 'half',
    } as RequestInit),
  );

const folder = () =>
  tarGz([
    { name: './desk/one.md', text: legacyDocument },
    { name: './desk/two.txt', text: seedDocument },
    { name: './desk/draft.md', text: minimalDocument },
    { name: './desk/broken.md', text: '---\ntitle: x\n---\n' },
  ]);

describe('POST /api/desk/imports', () => {
  it('imports an archive through the one pipeline and answers the per-file report; re-uploading it changes nothing', async () => {
    signInAs(admin);
    const response = await post(await folder(), 'application/gzip');
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: 1, skipped: 0 });
    expect(report.files).toEqual([
      { path: 'desk/broken.md', outcome: 'rejected', errors: ['publishedDateTime: is required', 'provider: is required'] },
      { path: 'desk/draft.md', outcome: 'created' },
      { path: 'desk/one.md', outcome: 'created' },
      { path: 'desk/two.txt', outcome: 'created' },
    ]);
    expect(revalidations).toEqual(['articles']);
    const again = await (await post(await folder(), 'application/gzip')).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 1 });

    const [event] = await getDb().auditEvent.findMany({ where: { action: 'articles.import' }, orderBy: { id: 'desc' }, take: 1 });
    expect(event).toMatchObject({ actorId: admin, outcome: 'ok', via: 'api', targetType: 'importRun', targetId: again.id });
    expect(event!.detail).toMatchObject({ created: 0, unchanged: 3, rejected: 1 });
  });

  it('keeps a record of each run, listed newest first, with a downloadable report', async () => {
    signInAs(importer);
    const changed = await tarGz([{ name: 'desk/one.md', text: withField(legacyDocument, 'title: An older record', 'title: Corrected') }]);
    const id = crypto.randomUUID();
    const report = await (await post(changed, 'application/gzip', `?id=${id}`)).json();
    expect(report).toMatchObject({ id, created: 0, updated: 1 });
    const list = await (await listRuns(new Request('http://localhost/api/desk/imports'))).json();
    expect(list[0]).toMatchObject({ id, actorEmail: 'bot@imports.test', status: 'done', files: 1, processed: 1, updated: 1 });
    const run = await (await getRun(new Request(`http://localhost/api/desk/imports/${id}`), { params: Promise.resolve({ id }) })).json();
    expect(run.report).toEqual([{ path: 'desk/one.md', outcome: 'updated' }]);
    const csv = await getRun(new Request(`http://localhost/api/desk/imports/${id}?format=csv`), { params: Promise.resolve({ id }) });
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="import-.*\.csv"$/);
    expect(await csv.text()).toBe('path,outcome,reasons\r\n"desk/one.md","updated",""\r\n');
    expect(await post(changed, 'application/gzip', `?id=${id}`)).toHaveProperty('status', 409);
  });

  it('refuses without credentials (401) and for editors (403), reading none of the body', async () => {
    const untouchable = () =>
      new ReadableStream({
        pull() {
          throw new Error('the body must not be read');
        },
      });
    expect((await post(untouchable(), 'application/gzip')).status).toBe(401);
    signInAs(editor);
    const refused = await post(untouchable(), 'application/gzip');
    expect(refused.status).toBe(403);
    expect((await listRuns(new Request('http://localhost/api/desk/imports'))).status).toBe(403);
    const [event] = await getDb().auditEvent.findMany({ where: { action: 'articles.import' }, orderBy: { id: 'desc' }, take: 1 });
    expect(event).toMatchObject({ actorId: editor, outcome: 'refused', status: 403 });
  });

  it('answers 413 over the size limit and 400 for what is not an upload, audited as refused', async () => {
    signInAs(admin);
    process.env.NEWSDESK_UPLOAD_MAX_SIZE = '1KB';
    try {
      const response = await post(Buffer.alloc(4096), 'application/zip');
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: 'the upload must be at most 1 KB (NEWSDESK_UPLOAD_MAX_SIZE)' });
    } finally {
      delete process.env.NEWSDESK_UPLOAD_MAX_SIZE;
    }
    expect((await post('{}', 'application/json')).status).toBe(400);
    expect((await post(await folder(), 'application/gzip', '?strip=-1')).status).toBe(400);
    const refused = await getDb().auditEvent.findMany({ where: { action: 'articles.import', actorId: admin, outcome: 'refused' } });
    expect(refused.map((event) => event.status).sort()).toEqual([400, 400, 413]);
  });
});
