'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

export function SignInForm({ callbackUrl, initialError, github }: { callbackUrl: string; initialError: string | null; github: boolean }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  return (
    <>
      <form
        className="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          setPending(true);
          setError(null);
          const result = await signIn('credentials', {
            redirect: false,
            email: String(form.get('email') ?? ''),
            password: String(form.get('password') ?? ''),
            callbackUrl,
          });
          setPending(false);
          if (!result || result.error || !result.ok) {
            setError(result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Wrong email or password.');
            return;
          }
          window.location.assign(callbackUrl);
        }}
      >
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required maxLength={254} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required maxLength={200} />
        </label>
        <p role="alert" className="form-error">
          {error}
        </p>
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {github ? (
        <button type="button" className="secondary" onClick={() => void signIn('github', { callbackUrl })}>
          Sign in with GitHub
        </button>
      ) : null}
    </>
  );
}
