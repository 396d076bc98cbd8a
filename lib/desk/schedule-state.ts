/**
 * Where an article stands with its schedule at a given moment, in the words
 * the desk uses: "goes live in 2 h", "comes down in 10 min".
 */
export type ScheduleState = 'unpublished' | 'scheduled' | 'live' | 'expired';

export type ScheduleFacts = { published: boolean; publishAt: string | null; unpublishAt: string | null };

export function scheduleState(article: ScheduleFacts, now: Date): ScheduleState {
  if (!article.published) return 'unpublished';
  if (article.publishAt && Date.parse(article.publishAt) > now.getTime()) return 'scheduled';
  if (article.unpublishAt && Date.parse(article.unpublishAt) <= now.getTime()) return 'expired';
  return 'live';
}

/** A short distance in time: "45 s", "10 min", "2 h", "3 days". */
export function shortDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/** The next thing the schedule will do, or what it did, in a few words; null when there is no schedule to speak of. */
export function describeSchedule(article: ScheduleFacts, now: Date): string | null {
  const state = scheduleState(article, now);
  const until = (iso: string) => shortDuration(Date.parse(iso) - now.getTime());
  const since = (iso: string) => shortDuration(now.getTime() - Date.parse(iso));
  if (state === 'scheduled') return `goes live in ${until(article.publishAt!)}`;
  if (state === 'expired') return `came down ${since(article.unpublishAt!)} ago`;
  if (state === 'live' && article.unpublishAt) return `comes down in ${until(article.unpublishAt)}`;
  if (state === 'unpublished' && (article.publishAt || article.unpublishAt)) return 'scheduled, but not published';
  return null;
}
