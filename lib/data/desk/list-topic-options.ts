import 'server-only';
import { getDb } from '../../db/client';

export function listTopicOptions() {
  return getDb().topic.findMany({ orderBy: { name: 'asc' }, select: { slug: true, name: true } });
}
