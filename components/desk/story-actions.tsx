'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { chooseLeadAction, mergeStoriesAction, splitStoryAction } from '@/lib/actions/desk-actions';

type Result = { ok: true } | { ok: false; error: string };

function useStoryAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<Result>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.ok ? null : result.error);
      router.refresh();
    });
  const message = error ? (
    <span role="alert" className="form-error">
      {' '}
      {error}
    </span>
  ) : null;
  return { run, pending, message };
}

/** "Make lead": readers see this member first for the story. */
export function LeadButton({ articleId, title }: { articleId: number; title: string }) {
  const { run, pending, message } = useStoryAction();
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        aria-label={`Make lead: ${title}`}
        onClick={() => run(() => chooseLeadAction({ articleId }))}
      >
        Make lead
      </button>
      {message}
    </>
  );
}

/** "Split out": the article leaves its story for one of its own. */
export function SplitButton({ articleId }: { articleId: number }) {
  const { run, pending, message } = useStoryAction();
  return (
    <>
      <button type="button" className="secondary" disabled={pending} onClick={() => run(() => splitStoryAction({ articleId }))}>
        Split into its own story
      </button>
      {message}
    </>
  );
}

/** Merge this story into another, by the other story's number. */
export function MergeForm({ storyId }: { storyId: number }) {
  const { run, pending, message } = useStoryAction();
  const [into, setInto] = useState('');
  const id = useId();
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => mergeStoriesAction({ storyId, intoStoryId: into }));
      }}
    >
      <label htmlFor={id}>Merge this story into story</label>{' '}
      <input
        id={id}
        name="intoStoryId"
        inputMode="numeric"
        size={8}
        value={into}
        onChange={(event) => setInto(event.target.value)}
        required
      />{' '}
      <button type="submit" disabled={pending}>
        Merge
      </button>
      {message}
    </form>
  );
}
