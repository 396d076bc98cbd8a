import type { Metadata } from 'next';
import { UserManager } from '@/components/desk/user-manager';
import { currentUser } from '@/lib/auth/current-user';
import { listAllUsers } from '@/lib/operations';

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
      />
    </>
  );
}
