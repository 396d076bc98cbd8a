import { RefusedError } from '../../errors/refused-error';
import type { EditorialValues } from './editorial-fields';

/**
 * The schedule an edit leaves behind must make sense: it cannot close before
 * it opens, and a newly set `unpublishAt` cannot be in the past (a past
 * `publishAt` simply means "now"). Checked against the article's current
 * values, since an edit may set one end only.
 */
export function checkSchedule(current: EditorialValues, wanted: Partial<EditorialValues>, now: Date): void {
  if (wanted.unpublishAt && Date.parse(wanted.unpublishAt) <= now.getTime()) {
    throw RefusedError.invalid('unpublishAt', `is already past (${wanted.unpublishAt}): choose a later time, or clear it`);
  }
  if (wanted.publishAt === undefined && wanted.unpublishAt === undefined) return;
  const publishAt = wanted.publishAt === undefined ? current.publishAt : wanted.publishAt;
  const unpublishAt = wanted.unpublishAt === undefined ? current.unpublishAt : wanted.unpublishAt;
  if (publishAt && unpublishAt && Date.parse(unpublishAt) <= Date.parse(publishAt)) {
    const field = wanted.unpublishAt !== undefined ? 'unpublishAt' : 'publishAt';
    throw RefusedError.invalid(field, `the article would come down (${unpublishAt}) before it goes live (${publishAt})`);
  }
}
