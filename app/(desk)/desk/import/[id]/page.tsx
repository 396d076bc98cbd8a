import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ImportOutcomes } from '@/components/desk/import-outcomes';
import { describeState } from '@/components/desk/import-runs';
import { getImport } from '@/lib/operations';

export const metadata: Metadata = { title: 'Import report' };

export default async function ImportRunPage({ params }: { params: Promise<{ id: string }> }) {
  const result = await getImport({ id: (await params).id });
  if (!result.ok) {
    if (result.status === 401) redirect('/signin?callbackUrl=/desk/import');
    notFound();
  }
  const run = result.data;
  return (
    <article aria-labelledby="run-title">
      <p>
        <Link href="/desk/import">← Import</Link>
      </p>
      <h1 id="run-title">Import of {run.what}</h1>
      <p className="story-meta">
        Started {run.startedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC by {run.actorEmail ?? 'the command line'} ({run.via}):{' '}
        {describeState(run)}. Created {run.created}, updated {run.updated}, unchanged {run.unchanged}, rejected {run.rejected}.{' '}
        <a href={`/api/desk/imports/${run.id}?format=csv`}>Download the report (CSV)</a> ·{' '}
        <a href={`/api/desk/imports/${run.id}?format=json`}>JSON</a>
      </p>
      {run.report ? <ImportOutcomes files={run.report} /> : <p className="empty">No per-file report (the run did not finish).</p>}
    </article>
  );
}
