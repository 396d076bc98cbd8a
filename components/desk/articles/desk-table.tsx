'use client';

import Link from 'next/link';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { DeskRow } from '@/lib/data/desk/editorial-fields';
import type { DeskStoryGroup } from '@/lib/schemas/desk-responses';
import { parseQualityText, type TDeskFilter, type TDeskQuery } from '@/lib/schemas/desk';
import { ArticleRow } from './article-row';
import { BulkBar } from './bulk-bar';
import { DeskMessageLine, type DeskMessage } from './desk-message';
import { useBulkActions, type BulkChange } from './use-bulk-actions';
import { focusDeskSearch, useDeskKeyboard } from './use-desk-keyboard';
import { useOptimisticRows } from './use-optimistic-rows';
import { useSelection } from './use-selection';

const COLUMNS: { key: TDeskQuery['sort']; label: string }[] = [
  { key: 'title', label: 'Headline' },
  { key: 'source', label: 'Source' },
  { key: 'publishedAt', label: 'Date' },
  { key: 'published', label: 'Status' },
  { key: 'quality', label: 'Quality' },
  { key: 'heat', label: 'Heat' },
  { key: 'updatedAt', label: 'Updated' },
];

/**
 * The desk's article table: optimistic edits, selection and bulk changes with
 * undo, and the keyboard (j/k move, p publish/unpublish, e edit quality,
 * x select, / search; `?` and `g o`/`g a` are the desk's own, components/desk/desk-keys.tsx).
 * With `groups` (grouped by story) each row is a story's lead, and its
 * disclosure button shows the story's other members beneath it.
 */
export function DeskTable({
  rows: leadRows,
  groups,
  total,
  filter,
  sort,
  sortHrefs,
}: {
  rows: DeskRow[];
  groups?: DeskStoryGroup[];
  total: number;
  filter: TDeskFilter;
  sort: { column: TDeskQuery['sort']; dir: TDeskQuery['dir'] };
  sortHrefs: Record<TDeskQuery['sort'], string>;
}) {
  const [message, setMessage] = useState<DeskMessage | null>(null);
  const say = useCallback((next: DeskMessage) => setMessage(next), []);
  // Every row the page may show (leads and members), so edits work on any of them.
  const initialRows = useMemo(() => [...leadRows, ...(groups ?? []).flatMap((group) => group.others)], [leadRows, groups]);
  const { rows: allRows, pendingIds, edit } = useOptimisticRows(initialRows, say);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const groupOf = new Map((groups ?? []).map((group) => [group.leadId, group]));
  const byId = new Map(allRows.map((row) => [row.id, row]));
  // The rows shown, in order: each lead, then its members when expanded.
  const rows: DeskRow[] = groups
    ? leadRows.flatMap((lead) => {
        const group = groupOf.get(lead.id);
        const shown = [byId.get(lead.id) ?? lead];
        if (group && expanded.has(lead.id)) shown.push(...group.others.map((other) => byId.get(other.id) ?? other));
        return shown;
      })
    : allRows;
  const memberOf = new Map((groups ?? []).flatMap((group) => group.others.map((other) => [other.id, group.leadId] as const)));
  const toggleGroup = (leadId: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(leadId)) next.delete(leadId);
      else next.add(leadId);
      return next;
    });
  const selection = useSelection(
    rows.map((row) => row.id),
    total,
  );
  const bulk = useBulkActions(say, selection.clear);
  const [focused, setFocused] = useState(-1);
  const [editing, setEditing] = useState<number | null>(null);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  const focusRow = (index: number) => {
    const bounded = Math.max(0, Math.min(rows.length - 1, index));
    setFocused(bounded);
    rowRefs.current[bounded]?.focus();
  };
  const togglePublished = (row: DeskRow) => void edit(row, { published: !row.published });
  const saveQuality = (row: DeskRow, text: string) => {
    const parsed = parseQualityText(text);
    if (!parsed.ok) return say({ kind: 'error', text: parsed.error });
    setEditing(null);
    if (parsed.value !== row.quality) void edit(row, { quality: parsed.value });
  };
  // A second change before the first is saved would carry a stale version.
  const focusedRow = () => {
    const row = rows[focused];
    return row && !pendingIds.has(row.id) ? row : undefined;
  };

  useDeskKeyboard({
    j: () => focusRow(focused + 1),
    k: () => focusRow(focused <= 0 ? 0 : focused - 1),
    p: () => {
      const row = focusedRow();
      if (row) togglePublished(row);
    },
    e: () => {
      const row = focusedRow();
      if (row) setEditing(row.id);
    },
    x: () => {
      const row = rows[focused];
      if (row) selection.toggle(row.id);
    },
    '/': focusDeskSearch,
  });

  const applyBulk = (change: BulkChange) =>
    bulk.apply(
      selection.allMatching
        ? { filter }
        : { articles: rows.filter((row) => selection.selected.has(row.id)).map((row) => ({ id: row.id, version: row.version })) },
      change,
    );

  return (
    <>
      <DeskMessageLine message={message} onUndo={bulk.undoBatch} busy={bulk.busy} />

      {selection.count > 0 ? (
        <BulkBar
          count={selection.count}
          allMatching={selection.allMatching}
          offerAllMatching={!groups && !selection.allMatching && selection.allOnPage && total > rows.length}
          total={total}
          busy={bulk.busy}
          onSelectAllMatching={selection.selectAllMatching}
          onApply={applyBulk}
          onClear={selection.clear}
          onInvalid={(reason) => say({ kind: 'error', text: reason })}
        />
      ) : null}

      <div className="table-scroll">
        <table className="desk-table">
          <caption className="visually-hidden">
            {groups ? `Stories, ${total} matching, one row each` : `Articles, ${total} matching`}. Press ? for keyboard shortcuts.
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label="Select every article on this page"
                  checked={selection.allOnPage}
                  onChange={selection.togglePage}
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
              <ArticleRow
                key={row.id}
                row={row}
                group={(() => {
                  const group = groupOf.get(row.id);
                  return group && group.articles > 1
                    ? {
                        articles: group.articles,
                        unpublished: group.unpublished,
                        expanded: expanded.has(row.id),
                        onToggle: () => toggleGroup(row.id),
                      }
                    : undefined;
                })()}
                member={memberOf.has(row.id)}
                rowRef={(element) => {
                  rowRefs.current[index] = element;
                }}
                focused={focused === index}
                pending={pendingIds.has(row.id)}
                selected={selection.isSelected(row.id)}
                editing={editing === row.id}
                onFocus={() => setFocused(index)}
                onToggleSelected={() => selection.toggle(row.id)}
                onTogglePublished={() => togglePublished(row)}
                onEditQuality={() => setEditing(row.id)}
                onSaveQuality={(text) => saveQuality(row, text)}
                onCancelEdit={() => {
                  setEditing(null);
                  rowRefs.current[index]?.focus();
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        Keyboard: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>p</kbd> publish/unpublish, <kbd>e</kbd> edit quality, <kbd>x</kbd> select,{' '}
        <kbd>/</kbd> search, <kbd>?</kbd> all shortcuts.
      </p>
    </>
  );
}
