'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DeskRow } from '@/lib/data/desk/editorial-fields';
import { isScore } from '@/lib/ranking/score';
import { QUALITY_MAX, QUALITY_MIN } from '@/lib/schemas/desk';

/** The inline quality field: Enter saves, Escape (or leaving it) cancels. */
export function QualityEditor({ row, onSave, onCancel }: { row: DeskRow; onSave: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(isScore(row.quality) ? String(row.quality) : '');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
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
        data-presence-activity="editing quality"
        inputMode="numeric"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={onCancel}
      />
    </form>
  );
}
