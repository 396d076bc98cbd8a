'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { addUserAction, changeUserAction } from '@/lib/actions/desk-actions';

type User = { id: string; email: string; name: string | null; role: string; disabledAt: string | null; createdAt: string };

export function UserManager({ users, me }: { users: User[]; me: string }) {
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
