import Link from 'next/link';
import type { ImportRunSummary } from '@/lib/data/imports/import-run-select';

/** A run's state in words, with its progress or its failure. */
export function describeState(run: ImportRunSummary): string {
  if (run.state === 'running') return `running (${run.processed} of ${run.files})`;
  if (run.state === 'failed') return `failed: ${run.error ?? 'unknown error'}`;
  return run.state;
}

/** Recent imports from every entry point: who, when, what, how it ended, and its report. */
export function ImportRuns({ runs }: { runs: ImportRunSummary[] }) {
  if (runs.length === 0) return <p className="empty">No imports yet.</p>;
  return (
    <div className="table-scroll">
      <table className="desk-table">
        <caption className="visually-hidden">Recent imports</caption>
        <thead>
          <tr>
            <th scope="col">Started (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">State</th>
            <th scope="col">Created</th>
            <th scope="col">Updated</th>
            <th scope="col">Unchanged</th>
            <th scope="col">Rejected</th>
            <th scope="col">Report</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>
                <time dateTime={run.startedAt.toISOString()}>{run.startedAt.toISOString().slice(0, 19).replace('T', ' ')}</time>
              </td>
              <td>
                {run.actorEmail ?? 'command line'} ({run.via})
              </td>
              <td>{run.what}</td>
              <td>{describeState(run)}</td>
              <td>{run.created}</td>
              <td>{run.updated}</td>
              <td>{run.unchanged}</td>
              <td>{run.rejected}</td>
              <td>
                <Link href={`/desk/import/${run.id}`} aria-label={`Report of the import started ${run.startedAt.toISOString()}`}>
                  View
                </Link>{' '}
                · <a href={`/api/desk/imports/${run.id}?format=csv`}>CSV</a> · <a href={`/api/desk/imports/${run.id}?format=json`}>JSON</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
