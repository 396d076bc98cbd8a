'use client';

import { signIn, signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { changePasswordAction, disconnectGitHubAction, signOutEverywhereAction } from '@/lib/actions/desk-actions';

/** Change one's password, or end every session; either way this session ends too, and the user signs in again. */
export function AccountForms({ github }: { github: { connectedId: string | null } | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <>
      <h2>Change your password</h2>
      <form
        className="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = String(form.get('next') ?? '');
          if (next !== String(form.get('confirm') ?? '')) return setError('The new passwords differ.');
          startTransition(async () => {
            const result = await changePasswordAction({ current: String(form.get('current') ?? ''), next });
            if (!result.ok) return setError(result.issues?.map((issue) => `${issue.path}: ${issue.message}`).join('; ') ?? result.error);
            await signOut({ callbackUrl: '/signin' });
          });
        }}
      >
        <label>
          Current password
          <input name="current" type="password" autoComplete="current-password" required maxLength={200} />
        </label>
        <label>
          New password (12 or more characters)
          <input name="next" type="password" autoComplete="new-password" required minLength={12} maxLength={200} />
        </label>
        <label>
          New password again
          <input name="confirm" type="password" autoComplete="new-password" required minLength={12} maxLength={200} />
        </label>
        <p role="alert" className="form-error">
          {error}
        </p>
        <button type="submit" disabled={pending}>
          Change password
        </button>
      </form>
      {github ? (
        <>
          <h2>GitHub</h2>
          {github.connectedId ? (
            <p>
              Connected to GitHub account id {github.connectedId}: you can sign in with it.{' '}
              <button
                type="button"
                className="secondary"
                disabled={pending}
                onClick={() =>
                  startTransition(async () => {
                    const result = await disconnectGitHubAction({});
                    if (!result.ok) return setError(result.error);
                    router.refresh();
                  })
                }
              >
                Disconnect GitHub
              </button>
            </p>
          ) : (
            <p>
              Sign in with GitHub works only for a GitHub account you connect here.{' '}
              <button type="button" className="secondary" onClick={() => void signIn('github', { callbackUrl: '/account?github=connect' })}>
                Connect GitHub
              </button>
            </p>
          )}
        </>
      ) : null}
      <h2>Sessions</h2>
      <p>Signs you out on every browser and device, this one included. API tokens are not affected.</p>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await signOutEverywhereAction({});
            if (!result.ok) return setError(result.error);
            await signOut({ callbackUrl: '/signin' });
          })
        }
      >
        Sign out everywhere
      </button>
    </>
  );
}
