'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { editArticleAction } from '@/lib/actions/desk-actions';
import type { DeskRow } from '@/lib/data/desk/editorial-fields';
import { isScore } from '@/lib/ranking/score';
import { parseQualityText, QUALITY_MAX, QUALITY_MIN } from '@/lib/schemas/desk';

/** Publish/unpublish and score one article, with the version the editor sees. */
export function ArticleEditor({ row }: { row: DeskRow }) {
  const router = useRouter();
  const [quality, setQuality] = useState(isScore(row.quality) ? String(row.quality) : '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const save = (change: { published?: boolean; quality?: number }) =>
    startTransition(async () => {
      const result = await editArticleAction({ id: row.id, version: row.version, ...change });
      setMessage(result.ok ? { kind: 'ok', text: 'Saved.' } : { kind: 'error', text: result.error });
      router.refresh();
    });

  return (
    <div className="article-editor">
      <button type="button" aria-pressed={row.published} onClick={() => save({ published: !row.published })} disabled={pending}>
        {row.published ? 'Unpublish' : 'Publish'}
      </button>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseQualityText(quality);
          if (!parsed.ok) return setMessage({ kind: 'error', text: parsed.error });
          save({ quality: parsed.value });
        }}
      >
        <label>
          Quality ({QUALITY_MIN}–{QUALITY_MAX})
          <input
            className="quality-input"
            data-presence-activity="editing quality"
            inputMode="numeric"
            value={quality}
            onChange={(event) => setQuality(event.target.value)}
          />
        </label>
        <button type="submit" disabled={pending}>
          Save quality
        </button>
      </form>
      <span role="status" className={`desk-message ${message?.kind ?? ''}`}>
        {message?.text}
      </span>
      <span className="hint">
        Version {row.version} · {row.published ? 'published' : 'unpublished'}
      </span>
    </div>
  );
}
