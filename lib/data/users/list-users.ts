import 'server-only';
import type { DbClient } from '../../db/client';

export function listUsers(db: DbClient) {
  return db.user.findMany({
    orderBy: { createdAt: 'asc' },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
  });
}
