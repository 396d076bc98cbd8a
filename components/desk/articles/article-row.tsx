'use client';

import Link from 'next/link';
import type { Ref } from 'react';
import type { DeskRow } from '@/lib/data/desk/editorial-fields';
import { ScheduleBadge } from '../schedule/schedule-badge';
import { scoreLabel } from '@/lib/ranking/score';
import { Score } from '../score';
import { PresenceBadge } from '../live/presence-badge';
import { QualityEditor } from './quality-editor';

/** Grouped by story: the lead's row shows the story's size and opens the other members. */
export type RowGroup = { articles: number; unpublished: number; expanded: boolean; onToggle: () => void };

/** One article in the desk table: select, headline, source, date, status toggle, quality, heat, last change. */
export function ArticleRow({
  row,
  group,
  member = false,
  rowRef,
  focused,
  pending,
  selected,
  editing,
  onFocus,
  onToggleSelected,
  onTogglePublished,
  onEditQuality,
  onSaveQuality,
  onCancelEdit,
}: {
  row: DeskRow;
  group?: RowGroup;
  /** A story's other member, shown under its lead. */
  member?: boolean;
  rowRef: Ref<HTMLTableRowElement>;
  focused: boolean;
  pending: boolean;
  selected: boolean;
  editing: boolean;
  onFocus: () => void;
  onToggleSelected: () => void;
  onTogglePublished: () => void;
  onEditQuality: () => void;
  onSaveQuality: (text: string) => void;
  onCancelEdit: () => void;
}) {
  return (
    <tr
      ref={rowRef}
      tabIndex={-1}
      data-desk-row={row.id}
      data-presence-article={row.id}
      aria-selected={selected}
      className={[focused ? 'focused' : '', pending ? 'pending' : '', member ? 'story-member' : ''].join(' ')}
      onFocus={onFocus}
    >
      <td>
        <input type="checkbox" aria-label={`Select “${row.title}”`} checked={selected} onChange={onToggleSelected} />
      </td>
      <td className="desk-title">
        <Link href={`/desk/articles/${row.id}`}>{row.title}</Link> <PresenceBadge articleId={row.id} />
        {group ? (
          <>
            {' '}
            <button
              type="button"
              className="story-disclosure"
              aria-expanded={group.expanded}
              aria-label={`${group.expanded ? 'Hide' : 'Show'} the other articles of the story “${row.title}”: ${group.articles} articles, ${group.unpublished} unpublished`}
              onClick={group.onToggle}
            >
              <span aria-hidden="true">{group.expanded ? '▾' : '▸'}</span> {group.articles} articles, {group.unpublished} unpublished
            </button>
          </>
        ) : row.inStory && row.inStory.articles > 1 && !member ? (
          <>
            {' '}
            <Link
              className="story-count"
              href={`/desk/articles?storyId=${row.inStory.id}`}
              aria-label={`All ${row.inStory.articles} articles of this story`}
            >
              +{row.inStory.articles - 1} in story
            </Link>
          </>
        ) : null}
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
          onClick={onTogglePublished}
          disabled={pending}
        >
          {row.published ? 'Published' : 'Unpublished'}
        </button>
        <ScheduleBadge article={row} />
      </td>
      <td>
        {editing ? (
          <QualityEditor row={row} onSave={onSaveQuality} onCancel={onCancelEdit} />
        ) : (
          <button
            type="button"
            className="quality-cell"
            aria-label={`Quality ${scoreLabel(row.quality)} of “${row.title}”. Edit`}
            onClick={onEditQuality}
          >
            <Score value={row.quality} />
          </button>
        )}
      </td>
      <td>
        <Score value={row.heat} />
      </td>
      <td>
        <time dateTime={row.updatedAt}>{row.updatedAt.slice(0, 16).replace('T', ' ')}</time>
      </td>
    </tr>
  );
}
