import type { FileReport } from '@/lib/import/import-seed-folder';

/** How many of the other files are listed on the page; the downloads have every one. */
const SHOWN = 500;

/** The per-file report: rejected files with their reasons first, then the rest. */
export function ImportOutcomes({ files }: { files: FileReport[] }) {
  const rejected = files.filter((file) => file.outcome === 'rejected');
  const others = files.filter((file) => file.outcome !== 'rejected');
  return (
    <>
      {rejected.length > 0 ? (
        <table className="desk-table import-outcomes">
          <caption>Rejected files</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rejected.map((file) => (
              <tr key={file.path}>
                <td>
                  <code>{file.path}</code>
                </td>
                <td>{(file.errors ?? []).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {others.length > 0 ? (
        <details>
          <summary>
            {others.length} imported file{others.length === 1 ? '' : 's'}
            {others.length > SHOWN ? ` (the first ${SHOWN} shown; the downloads list every one)` : ''}
          </summary>
          <table className="desk-table import-outcomes">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {others.slice(0, SHOWN).map((file) => (
                <tr key={file.path}>
                  <td>
                    <code>{file.path}</code>
                  </td>
                  <td>{file.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </>
  );
}
