import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ImportRuns } from '@/components/desk/import-runs';
import { ImportUploader } from '@/components/desk/import-uploader';
import { uploadLimits } from '@/lib/import/import-limits';
import { listImports } from '@/lib/operations';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage() {
  const result = await listImports({});
  if (!result.ok) {
    if (result.status === 401) redirect('/signin?callbackUrl=/desk/import');
    return (
      <>
        <h1>Import</h1>
        <p role="alert">{result.error}</p>
      </>
    );
  }
  return (
    <>
      <h1>Import</h1>
      <p>
        Seed files go through the same importer as <code>npm run import</code> and <code>POST /api/desk/imports</code>: each file is
        created, updated, left unchanged or rejected with the reason, and each article is written whole or not at all. Readers see the
        changes at once.
      </p>
      <ImportUploader limits={uploadLimits()} />
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">Recent imports</h2>
        <ImportRuns runs={result.data} />
      </section>
    </>
  );
}
