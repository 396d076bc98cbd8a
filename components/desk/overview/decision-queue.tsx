'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useRef, useState } from 'react';
import { skipQueuedAction } from '@/lib/actions/desk-actions';
import type { QueuedArticle } from '@/lib/data/overview/list-decision-queue';
import { scoreLabel } from '@/lib/ranking/score';
import { parseQualityText } from '@/lib/schemas/desk';
import { DeskMessageLine, type DeskMessage } from '../articles/desk-message';
import { QualityEditor } from '../articles/quality-editor';
import { useDeskKeyboard } from '../articles/use-desk-keyboard';
import { useOptimisticRows } from '../articles/use-optimistic-rows';
import { Score } from '../score';
import { PresenceBadge } from '../live/presence-badge';

/**
 * "Needs a decision": unpublished arrivals since the editor's last visit,
 * newest first. The table's keys work here (j/k move, p publish, e quality)
 * plus s to skip (it leaves everyone's queue) and o to open the article.
 */
export function DecisionQueue({
  rows: initialRows,
  total,
  totalIsCapped,
  since,
}: {
  rows: QueuedArticle[];
  total: number;
  totalIsCapped: boolean;
  since: string;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<DeskMessage | null>(null);
  const say = useCallback((next: DeskMessage) => setMessage(next), []);
  const { rows, pendingIds, edit } = useOptimisticRows(initialRows, say);
  const [skipped, setSkipped] = useState<ReadonlySet<number>>(new Set());
  const [focused, setFocused] = useState(-1);
  const [editing, setEditing] = useState<number | null>(null);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const shown = rows.filter((row) => !skipped.has(row.id));

  const focusRow = (index: number) => {
    const bounded = Math.max(0, Math.min(shown.length - 1, index));
    setFocused(bounded);
    rowRefs.current[bounded]?.focus();
  };
  const focusedRow = () => {
    const row = shown[focused];
    return row && !pendingIds.has(row.id) ? row : undefined;
  };
  const publish = (row: QueuedArticle) => void edit(row, { published: !row.published });
  const skip = async (row: QueuedArticle) => {
    setSkipped((current) => new Set(current).add(row.id));
    const result = await skipQueuedAction({ id: row.id }).catch(() => ({
      ok: false as const,
      status: 500,
      error: 'The server could not be reached.',
    }));
    if (!result.ok) {
      setSkipped((current) => {
        const next = new Set(current);
        next.delete(row.id);
        return next;
      });
      say({ kind: 'error', text: result.error });
      return;
    }
    say({ kind: 'ok', text: `Skipped: “${row.title}”.` });
    router.refresh();
  };
  const saveQuality = (row: QueuedArticle, text: string) => {
    const parsed = parseQualityText(text);
    if (!parsed.ok) return say({ kind: 'error', text: parsed.error });
    setEditing(null);
    if (parsed.value !== row.quality) void edit(row, { quality: parsed.value });
  };

  useDeskKeyboard({
    j: () => focusRow(focused + 1),
    k: () => focusRow(focused <= 0 ? 0 : focused - 1),
    p: () => {
      const row = focusedRow();
      if (row) publish(row);
    },
    s: () => {
      const row = focusedRow();
      if (row) void skip(row);
    },
    e: () => {
      const row = focusedRow();
      if (row) setEditing(row.id);
    },
    o: () => {
      const row = shown[focused];
      if (row) router.push(`/desk/articles/${row.id}`);
    },
  });

  return (
    <section aria-labelledby="queue-title" className="overview-panel queue">
      <h2 id="queue-title">
        Needs a decision{' '}
        <span className="count-badge">{totalIsCapped ? `${total.toLocaleString('en')}+` : total.toLocaleString('en')}</span>
      </h2>
      <p className="hint">
        Unpublished articles that arrived since <time dateTime={since}>{since.slice(0, 16).replace('T', ' ')} UTC</time> (your last visit),
        newest first. Skipping takes an article out of every editor’s queue.
      </p>
      <DeskMessageLine message={message} onUndo={() => {}} busy={false} />
      {shown.length === 0 ? (
        <p className="empty">Nothing waiting: every arrival since your last visit has a decision.</p>
      ) : (
        <div className="table-scroll">
          <table className="desk-table">
            <caption className="visually-hidden">
              Articles waiting for a decision. Keys: j and k move, p publishes, s skips, e sets quality, o opens.
            </caption>
            <thead>
              <tr>
                <th scope="col">Arrived (UTC)</th>
                <th scope="col">Headline</th>
                <th scope="col">Source</th>
                <th scope="col">Quality</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row, index) => {
                const pending = pendingIds.has(row.id);
                return (
                  <tr
                    key={row.id}
                    ref={(element) => {
                      rowRefs.current[index] = element;
                    }}
                    tabIndex={-1}
                    data-queue-row={row.id}
                    data-presence-article={row.id}
                    className={[focused === index ? 'focused' : '', pending ? 'pending' : ''].join(' ')}
                    onFocus={() => setFocused(index)}
                  >
                    <td>
                      <time dateTime={row.arrivedAt}>{row.arrivedAt.slice(5, 16).replace('T', ' ')}</time>
                    </td>
                    <td className="desk-title">
                      <Link href={`/desk/articles/${row.id}`}>{row.title}</Link> <PresenceBadge articleId={row.id} />
                    </td>
                    <td>{row.source.name}</td>
                    <td>
                      {editing === row.id ? (
                        <QualityEditor row={row} onSave={(text) => saveQuality(row, text)} onCancel={() => setEditing(null)} />
                      ) : (
                        <button
                          type="button"
                          className="quality-cell"
                          aria-label={`Quality ${scoreLabel(row.quality)} of “${row.title}”. Edit`}
                          onClick={() => setEditing(row.id)}
                        >
                          <Score value={row.quality} />
                        </button>
                      )}
                    </td>
                    <td className="queue-actions">
                      <button
                        type="button"
                        className={`status-toggle ${row.published ? 'is-published' : 'is-unpublished'}`}
                        aria-pressed={row.published}
                        aria-label={`${row.published ? 'Unpublish' : 'Publish'} “${row.title}”`}
                        onClick={() => publish(row)}
                        disabled={pending}
                      >
                        {row.published ? 'Published' : 'Publish'}
                      </button>{' '}
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Skip “${row.title}”`}
                        onClick={() => void skip(row)}
                        disabled={pending}
                      >
                        Skip
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {total > shown.length ? (
        <p className="hint">
          Showing the newest {shown.length}. <Link href="/desk/articles?status=unpublished&sort=updatedAt">All unpublished articles</Link>
        </p>
      ) : null}
    </section>
  );
}
