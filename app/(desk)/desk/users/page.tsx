import type { Metadata } from 'next';
import { UserManager } from '@/components/desk/user-manager';
import { currentUser } from '@/lib/auth/current-user';
import { listAccountEvents, listAllUsers, listEveryApiToken } from '@/lib/operations';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const result = await listAllUsers({});
  if (!result.ok) {
    return (
      <>
        <h1>Users</h1>
        <p role="alert">{result.status === 403 ? 'Only administrators manage users.' : result.error}</p>
      </>
    );
  }
  const me = await currentUser();
  const tokens = await listEveryApiToken({});
  const events = await listAccountEvents({});
  const emails = new Map(result.data.map((user) => [user.id, user.email]));
  return (
    <>
      <h1>Users</h1>
      <UserManager
        me={me?.id ?? ''}
        users={result.data.map((user) => ({
          ...user,
          createdAt: user.createdAt.toISOString(),
          disabledAt: user.disabledAt?.toISOString() ?? null,
        }))}
        tokens={(tokens.ok ? tokens.data : []).map((token) => ({
          id: token.id,
          name: token.name,
          prefix: token.prefix,
          owner: token.user.email,
          createdAt: token.createdAt.toISOString(),
          lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
          expiresAt: token.expiresAt?.toISOString() ?? null,
        }))}
        events={(events.ok ? events.data : []).map((event) => ({
          id: event.id,
          at: event.at.toISOString(),
          actor: event.actor?.email ?? null,
          action: event.action,
          target:
            event.targetType === 'user'
              ? (emails.get(event.targetId ?? '') ?? event.targetId)
              : event.targetId && `${event.targetType} ${event.targetId}`,
          outcome: event.outcome,
          via: event.via,
        }))}
      />
    </>
  );
}
