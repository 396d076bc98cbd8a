'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import {
  addUserAction,
  changeUserAction,
  resetPasswordAction,
  revokeAnyonesApiTokenAction,
  signUserOutEverywhereAction,
} from '@/lib/actions/desk-actions';

type User = { id: string; email: string; name: string | null; role: string; disabledAt: string | null; createdAt: string };
type Token = {
  id: string;
  name: string;
  prefix: string;
  owner: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
};
type AccountEvent = { id: number; at: string; actor: string | null; action: string; target: string | null; outcome: string; via: string };

export function UserManager({ users, me, tokens, events }: { users: User[]; me: string; tokens: Token[]; events: AccountEvent[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (work: () => Promise<{ ok: true } | { ok: false; error: string }>, success: string) =>
    startTransition(async () => {
      const result = await work();
      setMessage(result.ok ? { kind: 'ok', text: success } : { kind: 'error', text: result.error });
      router.refresh();
    });

  return (
    <>
      <p role="status" className={`desk-message ${message?.kind ?? ''}`}>
        {message?.text}
      </p>
      <table className="desk-table">
        <caption className="visually-hidden">Desk users</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Password and sessions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.email}</td>
              <td>{user.name ?? '—'}</td>
              <td>
                <select
                  aria-label={`Role of ${user.email}`}
                  value={user.role}
                  disabled={pending || user.id === me}
                  onChange={(event) =>
                    run(() => changeUserAction({ id: user.id, role: event.target.value }), `Changed the role of ${user.email}.`)
                  }
                >
                  <option value="EDITOR">Editor</option>
                  <option value="ADMIN">Admin</option>
                  <option value="IMPORTER">Importer (imports only)</option>
                </select>
              </td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  disabled={pending || user.id === me}
                  onClick={() =>
                    run(
                      () => changeUserAction({ id: user.id, disabled: !user.disabledAt }),
                      `${user.disabledAt ? 'Enabled' : 'Disabled'} ${user.email}.`,
                    )
                  }
                >
                  {user.disabledAt ? 'Enable' : 'Disable'}
                  <span className="visually-hidden"> {user.email}</span>
                </button>{' '}
                {user.disabledAt ? 'disabled' : 'active'}
              </td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  disabled={pending || user.id === me}
                  onClick={() =>
                    startTransition(async () => {
                      const result = await resetPasswordAction({ id: user.id });
                      setMessage(
                        result.ok
                          ? {
                              kind: 'ok',
                              text: `Temporary password for ${user.email}: ${result.data.temporaryPassword} — give it to them privately; they must change it when they sign in. It is not shown again.`,
                            }
                          : { kind: 'error', text: result.error },
                      );
                      router.refresh();
                    })
                  }
                >
                  Reset password<span className="visually-hidden"> of {user.email}</span>
                </button>{' '}
                <button
                  type="button"
                  className="secondary"
                  disabled={pending}
                  onClick={() => run(() => signUserOutEverywhereAction({ id: user.id }), `Signed ${user.email} out everywhere.`)}
                >
                  Sign out everywhere<span className="visually-hidden"> {user.email}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>API tokens of every user</h2>
      {tokens.length === 0 ? (
        <p className="empty">No live tokens.</p>
      ) : (
        <table className="desk-table">
          <caption className="visually-hidden">Every live API token</caption>
          <thead>
            <tr>
              <th scope="col">Owner</th>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
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
                <td>{token.owner}</td>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{token.lastUsedAt ? token.lastUsedAt.slice(0, 16).replace('T', ' ') : 'never'}</td>
                <td>{token.expiresAt ? token.expiresAt.slice(0, 10) : 'never'}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={pending}
                    onClick={() =>
                      run(() => revokeAnyonesApiTokenAction({ id: token.id }), `Revoked ${token.owner}'s token ${token.name}.`)
                    }
                  >
                    Revoke
                    <span className="visually-hidden">
                      {' '}
                      {token.owner}&apos;s token {token.name}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Account activity</h2>
      <table className="desk-table">
        <caption className="visually-hidden">Changes to users, roles, passwords, tokens and sessions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Whom</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>{event.at.slice(0, 19).replace('T', ' ')}</td>
              <td>{event.actor ?? 'command line'}</td>
              <td>{event.action}</td>
              <td>{event.target ?? '—'}</td>
              <td>
                {event.outcome} ({event.via})
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Add a user</h2>
      <form
        className="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const target = event.currentTarget;
          run(async () => {
            const result = await addUserAction({
              email: String(form.get('email') ?? ''),
              name: String(form.get('name') ?? '') || undefined,
              role: String(form.get('role') ?? 'EDITOR'),
              password: String(form.get('password') ?? ''),
            });
            if (result.ok) target.reset();
            return result;
          }, 'User added.');
        }}
      >
        <label>
          Email
          <input name="email" type="email" required maxLength={254} />
        </label>
        <label>
          Name
          <input name="name" type="text" maxLength={100} />
        </label>
        <label>
          Role
          <select name="role" defaultValue="EDITOR">
            <option value="EDITOR">Editor</option>
            <option value="ADMIN">Admin</option>
            <option value="IMPORTER">Importer (imports only)</option>
          </select>
        </label>
        <label>
          Password (12 or more characters)
          <input name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={200} />
        </label>
        <button type="submit" disabled={pending}>
          Add user
        </button>
      </form>
    </>
  );
}
