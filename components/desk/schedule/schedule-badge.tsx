'use client';

import './schedule.css';
import { describeSchedule, scheduleState, type ScheduleFacts } from '@/lib/desk/schedule-state';
import { useNow } from './use-now';

/** "goes live in 2 h", "comes down in 10 min": the article's schedule at a glance, kept current. */
export function ScheduleBadge({ article }: { article: ScheduleFacts }) {
  const now = useNow();
  if (!now) return article.publishAt || article.unpublishAt ? <span className="schedule-badge">scheduled</span> : null;
  const text = describeSchedule(article, now);
  if (!text) return null;
  return <span className={`schedule-badge is-${scheduleState(article, now)}`}>{text}</span>;
}
