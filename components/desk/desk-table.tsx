'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, useTransition, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { bulkEditAction, editArticleAction, undoAction } from '@/lib/actions/desk-actions';
import type { DeskRow } from '@/lib/data/desk/editorial-fields';
import type { TDeskFilter, TDeskQuery } from '@/lib/schemas/desk';
import { QUALITY_MAX, QUALITY_MIN } from '@/lib/schemas/desk';
import { ShortcutsDialog } from './shortcuts-dialog';

type Message = { kind: 'ok' | 'error'; text: string; undoBatchId?: string };
type Failure = { ok: false; status: number; error: string; current?: unknown };

const COLUMNS: { key: TDeskQuery['sort']; label: string }[] = [
  { key: 'title', label: 'Headline' },
  { key: 'source', label: 'Source' },
  { key: 'publishedAt', label: 'Date' },
  { key: 'published', label: 'Status' },
  { key: 'quality', label: 'Quality' },
  { key: 'heat', label: 'Heat' },
  { key: 'updatedAt', label: 'Updated' },
];

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** A whole number in the documented range, or an explanation. */
export function parseQuality(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return { ok: false, error: `Quality must be a whole number from ${QUALITY_MIN} to ${QUALITY_MAX}.` };
  const value = Number(trimmed);
  if (value < QUALITY_MIN || value > QUALITY_MAX) return { ok: false, error: `Quality must be from ${QUALITY_MIN} to ${QUALITY_MAX}.` };
  return { ok: true, value };
}

function isDeskRow(value: unknown): value is DeskRow {
  return (
    Boolean(value) &&
    typeof value === 'object' &&
    typeof (value as DeskRow).id === 'number' &&
    typeof (value as DeskRow).version === 'number'
  );
}

/**
 * The desk's article table. Edits are optimistic: the row changes at once and
 * goes back (with the reason) if the server refuses; a conflict shows the
 * value someone else set. Keyboard: j/k move, p publish/unpublish, e edit
 * quality, x select, / search, ? shortcuts.
 */
export function DeskTable({
  rows: initialRows,
  total,
  filter,
  sort,
  sortHrefs,
}: {
  rows: DeskRow[];
  total: number;
  filter: TDeskFilter;
  sort: { column: TDeskQuery['sort']; dir: TDeskQuery['dir'] };
  sortHrefs: Record<TDeskQuery['sort'], string>;
}) {
  const router = useRouter();
  const [rows, setRows] = useState(initialRows);
  const [pendingIds, setPendingIds] = useState<Set<number>>(new Set());
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [focused, setFocused] = useState(-1);
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [bulkQuality, setBulkQuality] = useState('');
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [busy, startTransition] = useTransition();
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  // A refresh from the server replaces the optimistic rows (adjusting state while rendering, not in an effect).
  const [shownRows, setShownRows] = useState(initialRows);
  if (shownRows !== initialRows) {
    setShownRows(initialRows);
    setRows(initialRows);
  }

  const setPending = (id: number, pending: boolean) =>
    setPendingIds((current) => {
      const next = new Set(current);
      if (pending) next.add(id);
      else next.delete(id);
      return next;
    });

  const replaceRow = (row: DeskRow) => setRows((current) => current.map((existing) => (existing.id === row.id ? row : existing)));

  const edit = useCallback(
    async (row: DeskRow, change: { published?: boolean; quality?: number }) => {
      const optimistic = { ...row, ...change };
      replaceRow(optimistic);
      setPending(row.id, true);
      let result: Awaited<ReturnType<typeof editArticleAction>> | Failure;
      try {
        result = await editArticleAction({ id: row.id, version: row.version, ...change });
      } catch {
        result = { ok: false, status: 500, error: 'The server could not be reached; nothing was changed.' };
      }
      setPending(row.id, false);
      if (result.ok) {
        replaceRow(result.data);
        const what = change.published !== undefined ? (change.published ? 'Published' : 'Unpublished') : `Quality set to ${change.quality}`;
        setMessage({ kind: 'ok', text: `${what}: “${row.title}”.` });
        return;
      }
      if (result.status === 409 && isDeskRow(result.current)) replaceRow(result.current);
      else replaceRow(row);
      if (result.status === 401) router.push('/signin?callbackUrl=/desk');
      setMessage({ kind: 'error', text: result.error });
    },
    [router],
  );

  const togglePublished = (row: DeskRow) => void edit(row, { published: !row.published });

  const saveQuality = (row: DeskRow, text: string) => {
    const parsed = parseQuality(text);
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: parsed.error });
      return false;
    }
    setEditing(null);
    if (parsed.value !== row.quality) void edit(row, { quality: parsed.value });
    return true;
  };

  const toggleSelected = (id: number) => {
    setAllMatching(false);
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  const bulk = (change: { published?: boolean; quality?: number }) => {
    const chosen = rows.filter((row) => selected.has(row.id));
    const selection = allMatching ? { filter } : { articles: chosen.map((row) => ({ id: row.id, version: row.version })) };
    startTransition(async () => {
      const result = await bulkEditAction({ selection, ...change });
      if (!result.ok) {
        setMessage({ kind: 'error', text: result.error });
        if (result.status === 409) router.refresh();
        return;
      }
      const { matched, changed, batchId } = result.data;
      const what =
        change.published === true ? 'Published' : change.published === false ? 'Unpublished' : `Set quality ${change.quality} on`;
      setMessage({
        kind: 'ok',
        text: `${what} ${changed} of ${matched} ${matched === 1 ? 'article' : 'articles'}${changed < matched ? ` (${matched - changed} already were)` : ''}.`,
        undoBatchId: batchId ?? undefined,
      });
      setSelected(new Set());
      setAllMatching(false);
      router.refresh();
    });
  };

  const undoBatch = (batchId: string) =>
    startTransition(async () => {
      const result = await undoAction({ batchId });
      setMessage(
        result.ok
          ? {
              kind: 'ok',
              text: `Undone for ${result.data.undone} ${result.data.undone === 1 ? 'article' : 'articles'}${result.data.skipped ? `; ${result.data.skipped} changed again since and were kept` : ''}.`,
            }
          : { kind: 'error', text: result.error },
      );
      router.refresh();
    });

  const focusRow = useCallback((index: number) => {
    const bounded = Math.max(0, Math.min(rowRefs.current.length - 1, index));
    setFocused(bounded);
    rowRefs.current[bounded]?.focus();
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      const row = rows[focused];
      switch (event.key) {
        case 'j':
          focusRow(focused + 1);
          break;
        case 'k':
          focusRow(focused <= 0 ? 0 : focused - 1);
          break;
        case 'p':
          // A second change before the first is saved would carry a stale version.
          if (!row || pendingIds.has(row.id)) return;
          togglePublished(row);
          break;
        case 'e':
          if (!row || pendingIds.has(row.id)) return;
          setEditing(row.id);
          break;
        case 'x':
          if (!row) return;
          toggleSelected(row.id);
          break;
        case '/': {
          const search = document.querySelector<HTMLInputElement>('[data-desk-search]');
          if (!search) return;
          search.focus();
          search.select();
          break;
        }
        case '?':
          setShowShortcuts(true);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const allOnPageSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const selectionCount = allMatching ? total : selected.size;

  return (
    <>
      <div role="status" aria-live="polite" className={`desk-message ${message?.kind ?? ''}`}>
        {message ? (
          <>
            {message.text}{' '}
            {message.undoBatchId ? (
              <button type="button" className="secondary" onClick={() => undoBatch(message.undoBatchId!)} disabled={busy}>
                Undo
              </button>
            ) : null}
          </>
        ) : null}
      </div>

      {selectionCount > 0 ? (
        <div className="bulk-bar" role="region" aria-label="Bulk actions">
          <span>
            {selectionCount} selected{allMatching ? ' (everything matching the filter)' : ''}
          </span>
          {!allMatching && allOnPageSelected && total > rows.length ? (
            <button type="button" className="secondary" onClick={() => setAllMatching(true)}>
              Select all {total} matching this filter
            </button>
          ) : null}
          <button type="button" onClick={() => bulk({ published: true })} disabled={busy}>
            Publish
          </button>
          <button type="button" onClick={() => bulk({ published: false })} disabled={busy}>
            Unpublish
          </button>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              const parsed = parseQuality(bulkQuality);
              if (!parsed.ok) return setMessage({ kind: 'error', text: parsed.error });
              bulk({ quality: parsed.value });
            }}
          >
            <label>
              Quality
              <input
                type="number"
                min={QUALITY_MIN}
                max={QUALITY_MAX}
                step={1}
                value={bulkQuality}
                onChange={(event) => setBulkQuality(event.target.value)}
                className="quality-input"
              />
            </label>
            <button type="submit" disabled={busy}>
              Set quality
            </button>
          </form>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setSelected(new Set());
              setAllMatching(false);
            }}
          >
            Clear selection
          </button>
        </div>
      ) : null}

      <div className="table-scroll">
        <table className="desk-table">
          <caption className="visually-hidden">Articles, {total} matching. Press ? for keyboard shortcuts.</caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select every article on this page"
                  checked={allOnPageSelected}
                  onChange={() => {
                    setAllMatching(false);
                    setSelected(allOnPageSelected ? new Set() : new Set(rows.map((row) => row.id)));
                  }}
                />
              </th>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sort.column === column.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <Link href={sortHrefs[column.key]}>
                    {column.label}
                    {sort.column === column.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length + 1} className="empty">
                  No article matches these filters.
                </td>
              </tr>
            ) : null}
            {rows.map((row, index) => (
              <tr
                key={row.id}
                ref={(element) => {
                  rowRefs.current[index] = element;
                }}
                tabIndex={-1}
                data-desk-row={row.id}
                aria-selected={selected.has(row.id) || allMatching}
                className={[focused === index ? 'focused' : '', pendingIds.has(row.id) ? 'pending' : ''].join(' ')}
                onFocus={() => setFocused(index)}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select “${row.title}”`}
                    checked={allMatching || selected.has(row.id)}
                    onChange={() => toggleSelected(row.id)}
                  />
                </td>
                <td className="desk-title">
                  <Link href={`/desk/articles/${row.id}`}>{row.title}</Link>
                </td>
                <td>{row.source.name}</td>
                <td>
                  <time dateTime={row.publishedAt}>{row.publishedAt.slice(0, 10)}</time>
                </td>
                <td>
                  <button
                    type="button"
                    className={`status-toggle ${row.published ? 'is-published' : 'is-unpublished'}`}
                    aria-pressed={row.published}
                    aria-label={`${row.published ? 'Published' : 'Unpublished'}: “${row.title}”. Toggle`}
                    onClick={() => togglePublished(row)}
                    disabled={pendingIds.has(row.id)}
                  >
                    {row.published ? 'Published' : 'Unpublished'}
                  </button>
                </td>
                <td>
                  {editing === row.id ? (
                    <QualityEditor
                      row={row}
                      onSave={(text) => saveQuality(row, text)}
                      onCancel={() => {
                        setEditing(null);
                        rowRefs.current[index]?.focus();
                      }}
                    />
                  ) : (
                    <button
                      type="button"
                      className="quality-cell"
                      aria-label={`Quality ${row.quality ?? 'none'} of “${row.title}”. Edit`}
                      onClick={() => setEditing(row.id)}
                    >
                      {row.quality ?? '—'}
                    </button>
                  )}
                </td>
                <td>{row.heat ?? '—'}</td>
                <td>
                  <time dateTime={row.updatedAt}>{row.updatedAt.slice(0, 16).replace('T', ' ')}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>p</kbd> publish/unpublish, <kbd>e</kbd> edit quality, <kbd>x</kbd> select,{' '}
        <kbd>/</kbd> search, <kbd>?</kbd> all shortcuts.
      </p>
      <ShortcutsDialog open={showShortcuts} onClose={() => setShowShortcuts(false)} />
    </>
  );
}

function QualityEditor({ row, onSave, onCancel }: { row: DeskRow; onSave: (text: string) => boolean; onCancel: () => void }) {
  const [text, setText] = useState(row.quality === null ? '' : String(row.quality));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const onKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(text);
      }}
    >
      <label className="visually-hidden" htmlFor={`quality-${row.id}`}>
        Quality of “{row.title}”, {QUALITY_MIN} to {QUALITY_MAX}
      </label>
      <input
        id={`quality-${row.id}`}
        ref={input}
        className="quality-input"
        inputMode="numeric"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={onCancel}
      />
    </form>
  );
}
