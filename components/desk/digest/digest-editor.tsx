'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { pickForDigestAction, republishDigestAction, setDigestNoteAction } from '@/lib/actions/desk-actions';
import type { DigestCandidate } from '@/lib/data/digest/list-digest-candidates';
import type { DigestView } from '@/lib/data/digest/get-digest';
import { DIGEST_NOTE_MAX } from '@/lib/schemas/digest';

type Result = { ok: true } | { ok: false; error: string };

/** Pin, drop and note a day's digest; republish a frozen one when the edits should reach readers. */
export function DigestEditor({
  day,
  digest,
  candidates,
  note,
}: {
  day: string;
  digest: DigestView | null;
  candidates: DigestCandidate[];
  note: string | null;
}) {
  const router = useRouter();
  const [text, setText] = useState(note ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const inDigest = new Set(digest?.stories.map((story) => story.id) ?? []);

  const run = (action: () => Promise<Result>, done: string) =>
    startTransition(async () => {
      const result = await action();
      setMessage(result.ok ? { kind: 'ok', text: done } : { kind: 'error', text: result.error });
      router.refresh();
    });

  const pick = (candidate: DigestCandidate, kind: 'pin' | 'drop' | null) =>
    run(
      () => pickForDigestAction({ day, articleId: candidate.id, kind }),
      `${kind === 'pin' ? 'Pinned' : kind === 'drop' ? 'Dropped' : 'Back to its rank'}: “${candidate.title}”.`,
    );

  return (
    <>
      <p role="status" aria-live="polite" className={`desk-message ${message?.kind ?? ''}`}>
        {message?.text}
      </p>
      {digest?.frozen ? (
        <p className="notice">
          This digest is frozen: readers see it as it was{digest.pendingChanges ? '; your later changes reach them when you republish' : ''}
          .{' '}
          <button type="button" disabled={pending} onClick={() => run(() => republishDigestAction({ day }), 'Republished.')}>
            Republish
          </button>
        </p>
      ) : null}
      <form
        className="inline-form digest-note"
        onSubmit={(event) => {
          event.preventDefault();
          run(() => setDigestNoteAction({ day, note: text }), text.trim() ? 'Note saved.' : 'Note removed.');
        }}
      >
        <label>
          The day in one line
          <input type="text" value={text} maxLength={DIGEST_NOTE_MAX} onChange={(event) => setText(event.target.value)} size={60} />
        </label>
        <button type="submit" disabled={pending}>
          Save note
        </button>
      </form>
      <div className="table-scroll">
        <table className="desk-table">
          <caption>Candidates: this day’s stories readers can see, best first</caption>
          <thead>
            <tr>
              <th scope="col">In the digest</th>
              <th scope="col">Headline</th>
              <th scope="col">Source</th>
              <th scope="col">Quality</th>
              <th scope="col">Heat</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((candidate) => (
              <tr key={candidate.id}>
                <td>{inDigest.has(candidate.id) ? 'yes' : 'no'}</td>
                <td className="desk-title">{candidate.title}</td>
                <td>{candidate.sourceName}</td>
                <td>{candidate.quality ?? '—'}</td>
                <td>{candidate.heat ?? '—'}</td>
                <td className="digest-decisions">
                  {candidate.pick ? (
                    <button type="button" className="secondary" disabled={pending} onClick={() => pick(candidate, null)}>
                      Undo {candidate.pick}
                    </button>
                  ) : (
                    <>
                      <button
                        type="button"
                        disabled={pending}
                        onClick={() => pick(candidate, 'pin')}
                        aria-label={`Pin “${candidate.title}”`}
                      >
                        Pin
                      </button>{' '}
                      <button
                        type="button"
                        className="secondary"
                        disabled={pending}
                        onClick={() => pick(candidate, 'drop')}
                        aria-label={`Drop “${candidate.title}”`}
                      >
                        Drop
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
