'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { formatBytes, type UploadLimits } from '@/lib/import/import-limits';
import type { ImportOutcome } from '@/lib/schemas/desk-responses';
import { ImportOutcomes } from './import-outcomes';

type Report = ImportOutcome;

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number }
  | { kind: 'importing'; processed: number | null; files: number | null }
  | { kind: 'done'; report: Report }
  | { kind: 'failed'; message: string };

const SEED_FILE = /\.(md|markdown|txt)$/i;
const ARCHIVE = /\.(zip|tar\.gz|tgz)$/i;

/** A v4 UUID from the browser's random source (crypto.randomUUID needs a secure context). */
function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What will be sent: one archive as is, under its own name, or seed files as a form, each named by its path in the chosen folder. */
type UploadBody = { body: Blob; contentType: string; name: string } | { body: FormData; contentType: null; name: null };

function bodyFor(files: File[], fromFolder: boolean): UploadBody | string {
  if (files.length === 0) return 'Choose seed files, a folder or an archive first.';
  const archives = files.filter((file) => ARCHIVE.test(file.name));
  if (archives.length > 0) {
    if (files.length > 1) return 'Upload one archive at a time, or seed files without an archive.';
    const archive = archives[0]!;
    return { body: archive, contentType: /\.zip$/i.test(archive.name) ? 'application/zip' : 'application/gzip', name: archive.name };
  }
  const form = new FormData();
  let count = 0;
  for (const file of files) {
    // A folder's files arrive as "folder/sub/file.md": the identity is the path inside the folder, as on the command line.
    const path = fromFolder ? file.webkitRelativePath.split('/').slice(1).join('/') : file.name;
    if (!SEED_FILE.test(path) || path.split('/').some((segment) => segment.startsWith('.'))) continue;
    form.append('files', file, path);
    count++;
  }
  if (count === 0) return 'None of the chosen files is a seed file (.md, .markdown or .txt).';
  return { body: form, contentType: null, name: null };
}

export function ImportUploader({ limits }: { limits: UploadLimits }) {
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [strip, setStrip] = useState('0');
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const busy = phase.kind === 'uploading' || phase.kind === 'importing';

  const start = (fromFolder: boolean) => {
    const input = fromFolder ? folderInput.current : filesInput.current;
    const chosen = bodyFor([...(input?.files ?? [])], fromFolder);
    if (typeof chosen === 'string') return setPhase({ kind: 'failed', message: chosen });
    const size = chosen.body instanceof Blob ? chosen.body.size : [...(input?.files ?? [])].reduce((sum, file) => sum + file.size, 0);
    if (size > limits.maxUploadBytes) {
      return setPhase({
        kind: 'failed',
        message: `That is ${formatBytes(size)}: an upload can be at most ${formatBytes(limits.maxUploadBytes)}.`,
      });
    }
    const id = uuid();
    const request = new XMLHttpRequest();
    let polling: ReturnType<typeof setInterval> | null = null;
    const stopPolling = () => {
      if (polling) clearInterval(polling);
      polling = null;
    };
    request.open('POST', `/api/desk/imports?id=${id}&strip=${encodeURIComponent(strip)}`);
    if (chosen.contentType) request.setRequestHeader('Content-Type', chosen.contentType);
    if (chosen.name) request.setRequestHeader('X-File-Name', encodeURIComponent(chosen.name));
    request.upload.onprogress = (event) =>
      setPhase({ kind: 'uploading', sent: event.loaded, total: event.lengthComputable ? event.total : size });
    request.upload.onload = () => {
      setPhase({ kind: 'importing', processed: null, files: null });
      polling = setInterval(async () => {
        const response = await fetch(`/api/desk/imports/${id}`, { cache: 'no-store' }).catch(() => null);
        if (!response?.ok) return;
        const run = (await response.json()) as { processed: number; files: number };
        setPhase((current) => (current.kind === 'importing' ? { kind: 'importing', processed: run.processed, files: run.files } : current));
      }, 500);
    };
    request.onload = () => {
      stopPolling();
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // Not JSON: the status says enough.
      }
      if (request.status === 200) {
        setPhase({ kind: 'done', report: body as Report });
        router.refresh();
      } else {
        const error = (body as { error?: string } | null)?.error ?? `the server answered ${request.status}`;
        setPhase({ kind: 'failed', message: `The import was refused: ${error}` });
      }
    };
    request.onerror = () => {
      stopPolling();
      setPhase({
        kind: 'failed',
        message:
          'The connection was lost. An upload cut off before its end imports nothing; one that had finished uploading is still imported: see the recent imports below.',
      });
      router.refresh();
    };
    setPhase({ kind: 'uploading', sent: 0, total: size });
    request.send(chosen.body);
  };

  return (
    <section aria-labelledby="upload-title" className="import-uploader">
      <h2 id="upload-title">Upload</h2>
      <p className="hint">
        Seed files (.md, .markdown, .txt), a folder of them, or one .zip or .tar.gz of a folder. At most{' '}
        {formatBytes(limits.maxUploadBytes)} per upload and {limits.maxFiles.toLocaleString('en')} files (
        {formatBytes(limits.maxExpandedBytes)} once extracted); each seed file at most {formatBytes(limits.maxFileBytes)}. A file’s identity
        is its path inside the folder or archive, so uploading the same folder again changes nothing, and editors’ published and quality
        values always win.
      </p>
      <div className="import-choices">
        <label>
          Seed files or an archive
          <input ref={filesInput} type="file" multiple accept=".md,.markdown,.txt,.zip,.gz,.tgz" disabled={busy} />
        </label>
        <button type="button" onClick={() => start(false)} disabled={busy}>
          Import files
        </button>
        <label>
          A folder
          <input ref={folderInput} type="file" {...{ webkitdirectory: '' }} disabled={busy} />
        </label>
        <button type="button" onClick={() => start(true)} disabled={busy}>
          Import folder
        </button>
        <label>
          Leading folders to remove from archive paths
          <input type="number" min={0} max={10} step={1} value={strip} onChange={(event) => setStrip(event.target.value)} disabled={busy} />
        </label>
      </div>
      <p className="hint">
        An archive made with <code>tar czf seeds.tar.gz -C seeds .</code> keeps the paths <code>npm run import -- seeds</code> gives; one
        made with <code>zip -r seeds.zip seeds</code> holds <code>seeds/…</code>: remove 1 leading folder.
      </p>
      <Progress phase={phase} />
      {phase.kind === 'failed' ? (
        <p role="alert" className="form-error">
          {phase.message}
        </p>
      ) : null}
      {phase.kind === 'done' ? (
        <div role="status">
          <p>
            <strong>{phase.report.what}</strong>: created {phase.report.created}, updated {phase.report.updated}, unchanged{' '}
            {phase.report.unchanged}, rejected {phase.report.rejected}
            {phase.report.skipped ? ` (${phase.report.skipped} other files skipped)` : ''}.{' '}
            <a href={`/api/desk/imports/${phase.report.id}?format=csv`}>Download the report (CSV)</a> ·{' '}
            <a href={`/api/desk/imports/${phase.report.id}?format=json`}>JSON</a>
          </p>
          <ImportOutcomes files={phase.report.files} />
        </div>
      ) : null}
    </section>
  );
}

function Progress({ phase }: { phase: Phase }) {
  if (phase.kind === 'uploading') {
    const percent = phase.total ? Math.round((phase.sent / phase.total) * 100) : 0;
    return (
      <p className="import-progress">
        <progress aria-label="Upload progress" value={phase.sent} max={phase.total || 1} /> Uploading {formatBytes(phase.sent)} of{' '}
        {formatBytes(phase.total)} ({percent}%)
      </p>
    );
  }
  if (phase.kind === 'importing') {
    return (
      <p className="import-progress">
        {phase.files ? (
          <>
            <progress aria-label="Import progress" value={phase.processed ?? 0} max={phase.files} /> Importing: {phase.processed ?? 0} of{' '}
            {phase.files} files
          </>
        ) : (
          <>
            <progress aria-label="Import progress" /> Unpacking and checking the upload…
          </>
        )}
      </p>
    );
  }
  return null;
}
