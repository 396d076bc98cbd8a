import type { TDeskQuery } from '../schemas/desk';

const DEFAULTS: Partial<Record<keyof TDeskQuery, unknown>> = { status: 'all', sort: 'publishedAt', dir: 'desc', page: 1, pageSize: 50 };

/** The desk URL for a query, leaving out defaults so links stay short. */
export function deskHref(query: TDeskQuery, changes: Partial<TDeskQuery> = {}): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === '' || DEFAULTS[key as keyof TDeskQuery] === value) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `/desk/articles?${search}` : '/desk/articles';
}
