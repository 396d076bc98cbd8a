import 'server-only';
import type { Db } from '../../db/client';

export function listUsers(db: Db) {
  return db.user.findMany({
    orderBy: { createdAt: 'asc' },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
  });
}
