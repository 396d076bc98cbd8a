'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { createApiTokenAction, revokeApiTokenAction } from '@/lib/actions/desk-actions';

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null };

export function TokenManager({ tokens }: { tokens: Token[] }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [expiresInDays, setExpiresInDays] = useState('90');
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            const result = await createApiTokenAction({ name, ...(expiresInDays ? { expiresInDays: Number(expiresInDays) } : {}) });
            if (!result.ok) return setError(result.error);
            setError(null);
            setCreated(result.data.token);
            setName('');
            router.refresh();
          });
        }}
      >
        <label>
          Token name
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={80}
            required
            placeholder="nightly import script"
          />
        </label>
        <label>
          Expires
          <select value={expiresInDays} onChange={(event) => setExpiresInDays(event.target.value)}>
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never</option>
          </select>
        </label>
        <button type="submit" disabled={pending}>
          Create token
        </button>
      </form>
      <p role="alert" className="form-error">
        {error}
      </p>
      {created ? (
        <div className="notice" role="status">
          <p>Copy this token now: it will not be shown again.</p>
          <code className="token">{created}</code>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p className="empty">You have no tokens.</p>
      ) : (
        <table className="desk-table">
          <caption className="visually-hidden">Your API tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{token.createdAt.slice(0, 10)}</td>
                <td>{token.lastUsedAt ? token.lastUsedAt.slice(0, 16).replace('T', ' ') : 'never'}</td>
                <td>{token.expiresAt ? token.expiresAt.slice(0, 10) : 'never'}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Revoke ${token.name}`}
                    disabled={pending}
                    onClick={() =>
                      startTransition(async () => {
                        const result = await revokeApiTokenAction({ id: token.id });
                        setError(result.ok ? null : result.error);
                        router.refresh();
                      })
                    }
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
